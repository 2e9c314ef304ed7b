using Loyalty.TerminalClient.Contracts;

namespace Loyalty.TerminalClient.Offline;

/// <summary>
/// The tablet's offline queue. <see cref="EnqueueAsync"/> records an operation with its idempotency key, the tablet
/// time and a strictly increasing <c>deviceSeq</c>, and persists it before returning. <see cref="FlushAsync"/> sends
/// the queue through <c>/sync</c> in batches, removes the operations answered with a final status and keeps the others,
/// with the same keys, for the next flush. A flush that dies anywhere is safe to repeat: an operation leaves the queue
/// only after its final answer arrived, and resending one the server already applied replays the first answer.
/// </summary>
/// <remarks>Thread-safe. Enqueueing does not wait for a flush in flight; flushes run one at a time.</remarks>
public sealed class OfflineQueue : IDisposable
{
    private readonly TerminalClient _client;
    private readonly IOfflineQueueStore _store;
    private readonly TimeProvider _time;
    private readonly int _maxBatchSize;
    private readonly SemaphoreSlim _stateGate = new(1, 1);
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private OfflineQueueState _state;

    private OfflineQueue(TerminalClient client, IOfflineQueueStore store, TimeProvider time, int maxBatchSize, OfflineQueueState state)
    {
        _client = client;
        _store = store;
        _time = time;
        _maxBatchSize = maxBatchSize;
        _state = state;
    }

    /// <summary>The operations waiting to be sent, in <c>deviceSeq</c> order.</summary>
    public IReadOnlyList<SyncOperation> Pending => Volatile.Read(ref _state).Operations;

    /// <summary>Opens the queue saved in <paramref name="store"/>.</summary>
    /// <param name="client">Sends the flushes.</param>
    /// <param name="store">Keeps the queue across restarts.</param>
    /// <param name="time">The tablet clock, for <c>occurredAt</c>.</param>
    /// <param name="maxBatchSize">Operations per <c>/sync</c> request, 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<OfflineQueue> OpenAsync(
        TerminalClient client, IOfflineQueueStore store, TimeProvider time, int maxBatchSize = SyncRequest.MaxOperations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBatchSize, SyncRequest.MaxOperations);
        var state = await store.LoadAsync(cancellationToken);
        return new OfflineQueue(client, store, time, maxBatchSize, state);
    }

    /// <summary>
    /// Records <paramref name="operation"/> with the next <c>deviceSeq</c>, the tablet time as <c>occurredAt</c> (unless
    /// it has one) and a new idempotency key (unless it has one), and persists it before returning.
    /// </summary>
    /// <param name="operation">The operation, from <see cref="SyncOperation.Stamp"/> and its siblings.</param>
    /// <param name="cancellationToken">Cancels the enqueue (nothing is recorded then).</param>
    /// <returns>The operation as recorded: keep its key to match the flush results.</returns>
    public async Task<SyncOperation> EnqueueAsync(SyncOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = string.IsNullOrEmpty(operation.IdempotencyKey) ? IdempotencyKeys.New() : IdempotencyKeys.Validate(operation.IdempotencyKey, nameof(operation));
        await _stateGate.WaitAsync(cancellationToken);
        try
        {
            var recorded = operation with { DeviceSeq = _state.LastDeviceSeq + 1, IdempotencyKey = key, OccurredAt = operation.OccurredAt ?? _time.GetUtcNow() };

            // Saved before it is acknowledged: an operation the tablet showed as done must survive a crash.
            await CommitAsync(new OfflineQueueState(recorded.DeviceSeq, [.. _state.Operations, recorded]), cancellationToken);
            return recorded;
        }
        finally
        {
            _stateGate.Release();
        }
    }

    /// <summary>
    /// Sends the queued operations through <c>/sync</c>, in <c>deviceSeq</c> order and batches of at most the batch size.
    /// Operations answered with a final status (2xx, 4xx but 408 and 429) leave the queue; the others stay with their
    /// keys. After a batch with no answer or with pending operations, the rest is not sent this time (the server is
    /// struggling, and later operations may depend on earlier ones).
    /// </summary>
    /// <param name="cancellationToken">Cancels the flush; what was not yet removed stays queued.</param>
    /// <returns>A result for each operation queued when the flush began.</returns>
    /// <exception cref="TerminalApiException">The whole <c>/sync</c> was refused with a final status (as <c>device-revoked</c>); the queue is unchanged.</exception>
    public async Task<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushGate.WaitAsync(cancellationToken);
        try
        {
            var queued = Pending;
            var results = new List<OfflineOperationResult>(queued.Count);
            for (var start = 0; start < queued.Count; start += _maxBatchSize)
            {
                var batch = queued.Skip(start).Take(_maxBatchSize).ToList();
                var answered = await SendAsync(batch, cancellationToken);
                results.AddRange(answered);
                await RemoveAsync(answered.Where(r => r.Outcome != OfflineOutcome.Pending).Select(r => r.Operation.DeviceSeq), cancellationToken);
                if (answered.Any(r => r.Outcome == OfflineOutcome.Pending))
                {
                    results.AddRange(queued.Skip(start + batch.Count).Select(o => new OfflineOperationResult(o, OfflineOutcome.Pending, null, null)));
                    break;
                }
            }

            return new FlushResult(results, Pending.Count);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>Releases the queue's locks; the saved state stays in the store.</summary>
    public void Dispose()
    {
        _stateGate.Dispose();
        _flushGate.Dispose();
    }

    private async Task<IReadOnlyList<OfflineOperationResult>> SendAsync(List<SyncOperation> batch, CancellationToken cancellationToken)
    {
        SyncResponse response;
        try
        {
            response = await _client.SyncAsync(batch, cancellationToken);
        }
        catch (TerminalApiException exception) when (exception.IsRetryable)
        {
            // The server may have applied the whole batch before the answer was lost: keep every operation and key.
            return [.. batch.Select(o => new OfflineOperationResult(o, OfflineOutcome.Pending, exception.Status, null))];
        }

        // The server answers in deviceSeq order, the order of the batch; a key can appear twice, so match by position.
        var results = response.Results;
        if (results.Count != batch.Count || results.Where((r, i) => r.IdempotencyKey != batch[i].IdempotencyKey).Any())
        {
            throw new TerminalApiException(new TerminalProblem(200, "unexpected-response", "Unexpected answer", $"/sync answered {results.Count} results for {batch.Count} operations, or not in order."));
        }

        return [.. batch.Select((o, i) => new OfflineOperationResult(o, OutcomeOf(results[i].Status), results[i].Status, results[i].Body))];
    }

    private static OfflineOutcome OutcomeOf(int status) =>
        !TerminalStatus.IsFinal(status) ? OfflineOutcome.Pending : status is >= 200 and < 300 ? OfflineOutcome.Succeeded : OfflineOutcome.Refused;

    private async Task RemoveAsync(IEnumerable<long> deviceSeqs, CancellationToken cancellationToken)
    {
        var done = deviceSeqs.ToHashSet();
        if (done.Count == 0)
        {
            return;
        }

        await _stateGate.WaitAsync(cancellationToken);
        try
        {
            await CommitAsync(_state with { Operations = [.. _state.Operations.Where(o => !done.Contains(o.DeviceSeq))] }, cancellationToken);
        }
        finally
        {
            _stateGate.Release();
        }
    }

    private async Task CommitAsync(OfflineQueueState next, CancellationToken cancellationToken)
    {
        await _store.SaveAsync(next, cancellationToken);
        Volatile.Write(ref _state, next);
    }
}
