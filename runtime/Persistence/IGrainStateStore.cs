namespace Loyalty.Runtime.Persistence;

/// <summary>Reads and conditionally writes grain states.</summary>
public interface IGrainStateStore
{
    Task<StoredState> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state if its stored version is still the expected one and returns the new version.
    /// Writes that arrive while a commit is in flight are committed together, each still conditional
    /// on its own version. Throws <see cref="InconsistentStateException"/> when the version moved on.
    /// </summary>
    Task<long> WriteAsync(StateWrite write, CancellationToken cancellationToken = default);
}
