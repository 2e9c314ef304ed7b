namespace Loyalty.TerminalClient.Offline;

/// <summary>Keeps the queue in memory only: for tests, and for tablets that accept losing the queue on a restart.</summary>
public sealed class InMemoryOfflineQueueStore : IOfflineQueueStore
{
    private volatile OfflineQueueState _state = OfflineQueueState.Empty;
    private int _saveCount;

    /// <summary>The last saved state.</summary>
    public OfflineQueueState State => _state;

    /// <summary>How many saves happened.</summary>
    public int SaveCount => Volatile.Read(ref _saveCount);

    /// <inheritdoc />
    public Task<OfflineQueueState> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(_state);

    /// <inheritdoc />
    public Task SaveAsync(OfflineQueueState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        Interlocked.Increment(ref _saveCount);
        return Task.CompletedTask;
    }
}
