namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A conditional write found another version in storage than the one this activation loaded:
/// another activation of the same grain wrote in between. The activation is deactivated and the
/// call fails; the caller retries (with its idempotency key) and reaches a fresh activation.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(GrainStateKey key, long expectedVersion)
        : base($"State {key.StateName} of grain {key.GrainId} was written by another activation: expected version {expectedVersion}, found a different one. The activation was deactivated; retry the call.")
    {
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    public GrainStateKey? Key { get; }

    public long ExpectedVersion { get; }
}
