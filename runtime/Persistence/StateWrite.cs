namespace Loyalty.Runtime.Persistence;

/// <summary>
/// One conditional write of a grain state: it commits only if the stored version still equals
/// <see cref="ExpectedVersion"/>, and <see cref="Rows"/> commit with it or not at all.
/// A null <see cref="Payload"/> clears the state but keeps the row, so versions are never reused.
/// </summary>
public sealed class StateWrite
{
    public StateWrite(GrainStateKey key, byte[]? payload, long expectedVersion, IReadOnlyList<StorageRow>? rows = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        Key = key;
        Payload = payload;
        ExpectedVersion = expectedVersion;
        Rows = rows ?? [];
    }

    public GrainStateKey Key { get; }

    public byte[]? Payload { get; }

    public long ExpectedVersion { get; }

    /// <summary>Rows other tables gain atomically with this state (ledger, read models, outbox).</summary>
    public IReadOnlyList<StorageRow> Rows { get; }
}
