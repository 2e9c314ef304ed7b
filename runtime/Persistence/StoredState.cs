namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A state as read from storage: the serialized payload (UTF-8 JSON), or null when there is no record
/// or it was cleared, and the version to make the next write conditional on (0 when no row exists).
/// </summary>
public sealed record StoredState(byte[]? Payload, long Version)
{
    public static readonly StoredState Missing = new(null, 0);

    /// <summary>For a state stored as changes since a snapshot: how many bytes of changes its row holds.</summary>
    public int ChangeBytes { get; init; }
}
