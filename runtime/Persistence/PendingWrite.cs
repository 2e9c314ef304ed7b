namespace Loyalty.Runtime.Persistence;

/// <summary>A state write waiting in the group-commit queue or riding in a batch, and its caller's outcome.</summary>
internal sealed class PendingWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<long> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private CancellationTokenRegistration _cancellation;

    public PendingWrite(StateWrite write, long queuedAt)
    {
        Write = write;
        QueuedAt = queuedAt;
    }

    public StateWrite Write { get; }

    /// <summary>The <see cref="TimeProvider"/> timestamp at which the write was queued, for the latency metric.</summary>
    public long QueuedAt { get; }

    /// <summary>Set by the batch: the version written, or 0 when the version had moved on.</summary>
    public long NewVersion { get; set; }

    /// <summary>Set by the batch on a conflict: the version found in the statement's snapshot, if the row existed there.</summary>
    public long? StoredVersion { get; set; }

    public Task<long> Task => _outcome.Task;

    /// <summary>
    /// Cancellation only withdraws a write that is still queued: once a committer has taken it, it
    /// may already be in the database, so its caller must learn the real outcome.
    /// </summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingWrite)state!).TryCancel(token), this);
        }
    }

    /// <summary>Claims the write for a batch; false when its caller withdrew it first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    public void Succeed(long version)
    {
        _cancellation.Dispose();
        _outcome.TrySetResult(version);
    }

    public void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _outcome.TrySetException(exception);
    }

    private void TryCancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            _outcome.TrySetCanceled(token);
        }
    }
}
