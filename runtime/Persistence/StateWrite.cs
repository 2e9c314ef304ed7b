namespace Loyalty.Runtime.Persistence;

/// <summary>
/// One conditional write of a grain state: it commits only if the stored version still equals
/// <see cref="ExpectedVersion"/>, and <see cref="Rows"/> commit with it or not at all.
/// A null <see cref="Payload"/> clears the state but keeps the row, so versions are never reused. A state stored as
/// changes since a snapshot (<see cref="StateTable.SnapshotTable"/>) writes either a new snapshot (<see cref="Payload"/>)
/// or one more <see cref="Change"/>.
/// </summary>
public sealed class StateWrite
{
    public StateWrite(
        GrainStateKey key,
        byte[]? payload,
        long expectedVersion,
        IReadOnlyList<StorageRow>? rows = null,
        IReadOnlyList<KeyValuePair<string, object?>>? columns = null,
        byte[]? change = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (change is not null)
        {
            if (key.Table?.SnapshotTable is null)
            {
                throw new ArgumentException($"State {key} is stored whole on every write; it has no changes to append.", nameof(change));
            }

            if (payload is not null || expectedVersion == 0)
            {
                throw new ArgumentException("A write appends a change to a stored snapshot, or stores a new snapshot: not both, and not as the first write.", nameof(change));
            }
        }

        if (columns is { Count: > 0 })
        {
            if (key.Table is not { } table)
            {
                throw new ArgumentException($"State {key} is stored in grain_state, which has no columns of its own to write.", nameof(columns));
            }

            if (payload is null && change is null)
            {
                throw new ArgumentException("A cleared state writes no derived columns.", nameof(columns));
            }

            foreach (var (column, _) in columns)
            {
                SqlIdentifier.Validate(column);
                if (column == table.KeyColumn || StateTable.ReservedColumns.Contains(column))
                {
                    throw new ArgumentException($"Column '{column}' of {table.Table} is written by the store itself.", nameof(columns));
                }
            }
        }

        Key = key;
        Payload = payload;
        ExpectedVersion = expectedVersion;
        Rows = rows ?? [];
        Columns = columns ?? [];
        Change = change;
    }

    public GrainStateKey Key { get; }

    public byte[]? Payload { get; }

    public long ExpectedVersion { get; }

    /// <summary>What changed since the stored version (<see cref="StateChanges"/>), appended to the state's changes.</summary>
    public byte[]? Change { get; }

    /// <summary>Rows other tables gain atomically with this state (ledger, read models, outbox).</summary>
    public IReadOnlyList<StorageRow> Rows { get; }

    /// <summary>For a state in a table of its own, the columns it derives from itself (see <see cref="IStateColumns"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; }
}
