namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A state write failed for another reason than a version conflict: one of its rows broke a
/// constraint, or the database could not be reached (the inner exception says which). When the
/// connection failed mid-commit the outcome is unknown; either way the activation must be
/// deactivated so that the next one reloads the state.
/// </summary>
public sealed class GrainStateWriteException : Exception
{
    public GrainStateWriteException()
    {
    }

    public GrainStateWriteException(string message)
        : base(message)
    {
    }

    public GrainStateWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GrainStateWriteException(GrainStateKey key, long expectedVersion, Exception innerException)
        : base($"Writing state {key.StateName} of grain {key.GrainId} (expected version {expectedVersion}) failed: {innerException?.Message}", innerException)
    {
        Key = key;
        ExpectedVersion = expectedVersion;
    }

    public GrainStateKey? Key { get; }

    public long ExpectedVersion { get; }
}
