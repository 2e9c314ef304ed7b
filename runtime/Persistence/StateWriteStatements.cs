using Npgsql;

namespace Loyalty.Runtime.Persistence;

/// <summary>How a batch of state writes becomes statements: one per write, or one for many updates of one table.</summary>
internal static class StateWriteStatements
{
    /// <summary>
    /// The statements for <paramref name="count"/> writes from <paramref name="start"/>, in the order of their first
    /// writes. Updates of states in one table go together as one statement (<see cref="StateUpdateCommands"/>), unless
    /// an earlier write of the batch has the same key: that one goes alone, after the statement holding the earlier write.
    /// </summary>
    public static List<Statement> Plan(List<PendingWrite> batch, int start, int count, string serviceId, DateTimeOffset modifiedAt)
    {
        var slots = new List<(int Write, List<int>? Group)>(count);
        HashSet<(string? Table, string Type, string Key, string State)>? seen = count > 1 ? [] : null;
        for (var i = start; i < start + count; i++)
        {
            var write = batch[i].Write;
            var isNew = seen?.Add(RowOf(write.Key)) ?? false;
            if (!isNew || !StateUpdateCommands.CanMerge(write))
            {
                slots.Add((i, null));
                continue;
            }

            var slot = slots.FindIndex(candidate => candidate.Group is not null && StateUpdateCommands.Fit(batch[candidate.Write].Write, write));
            if (slot < 0)
            {
                slots.Add((i, [i]));
            }
            else
            {
                slots[slot].Group!.Add(i);
            }
        }

        var statements = new List<Statement>(slots.Count);
        foreach (var (index, group) in slots)
        {
            if (group is { Count: > 1 } && StateUpdateCommands.TryCreate(group.ConvertAll(w => batch[w].Write), modifiedAt) is { } command)
            {
                statements.Add(new Statement(command, [.. group], Merged: true));
                continue;
            }

            foreach (var write in group ?? [index])
            {
                statements.Add(new Statement(StateWriteCommands.Create(batch[write].Write, serviceId, modifiedAt), [write], Merged: false));
            }
        }

        return statements;
    }

    // The row a state is stored in: a state table's row is its grain's key alone.
    private static (string? Table, string Type, string Key, string State) RowOf(GrainStateKey key) => key.Table is { } table
        ? (table.Table, string.Empty, key.GrainId.Key, string.Empty)
        : (null, key.GrainId.Type, key.GrainId.Key, key.StateName);

    /// <summary>One statement of a batch and the writes (indexes in the batch) it makes.</summary>
    public sealed record Statement(NpgsqlBatchCommand Command, int[] Writes, bool Merged);
}
