namespace Loyalty.TerminalClient.Offline;

/// <summary>
/// Where an <see cref="OfflineQueue"/> keeps its state. A save replaces the whole state and must be atomic: after a
/// crash, a load returns either the state before the save or the state after it, never a mix.
/// </summary>
public interface IOfflineQueueStore
{
    /// <summary>The last saved state, or <see cref="OfflineQueueState.Empty"/> if nothing was ever saved.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    Task<OfflineQueueState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the saved state; once this returns, the state survives a restart.</summary>
    /// <param name="state">The new state.</param>
    /// <param name="cancellationToken">Cancels the save (the previous state then stays).</param>
    Task SaveAsync(OfflineQueueState state, CancellationToken cancellationToken);
}
