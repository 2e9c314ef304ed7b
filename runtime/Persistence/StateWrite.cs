namespace Loyalty.Runtime.Persistence;

/// <summary>
/// One conditional write of a grain state: it commits only if the stored version still equals
/// <see cref="ExpectedVersion"/>, and <see cref="Rows"/> commit with it or not at all.
/// A null <see cref="Payload"/> clears the state but keeps the row, so versions are never reused.
/// </summary>
public sealed class StateWrite
{
    public StateWrite(
        GrainStateKey key,
        byte[]? payload,
        long expectedVersion,
        IReadOnlyList<StorageRow>? rows = null,
        IReadOnlyList<KeyValuePair<string, object?>>? columns = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (columns is { Count: > 0 })
        {
            if (key.Table is not { } table)
            {
                throw new ArgumentException($"State {key} is stored in grain_state, which has no columns of its own to write.", nameof(columns));
            }

            if (payload is null)
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
    }

    public GrainStateKey Key { get; }

    public byte[]? Payload { get; }

    public long ExpectedVersion { get; }

    /// <summary>Rows other tables gain atomically with this state (ledger, read models, outbox).</summary>
    public IReadOnlyList<StorageRow> Rows { get; }

    /// <summary>For a state in a table of its own, the columns it derives from itself (see <see cref="IStateColumns"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; }
}
