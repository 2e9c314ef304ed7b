using Loyalty.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Loyalty.Grains.Cards;

/// <summary>
/// The card's coalescing writer. One write of the card is in flight at a time (two would race on the row's version);
/// the changes judged meanwhile are staged and go together in the next write, conditional on the version the last
/// one produced. A failed write fails its own callers and those staged behind it, and marks the memory stale: the next
/// decision reloads the card from storage first, so nothing that was not committed survives in memory.
/// </summary>
public sealed partial class CardGrain
{
    /// <summary>Decisions run one at a time, across the awaits inside them (program, device cap, reminders).</summary>
    private readonly SemaphoreSlim _turn = new(1, 1);
    private CardGrainState _state = new();
    private CardGrainState _committed = new();
    private long _version;
    private PendingWrite? _staged;
    private bool _writing;
    private bool _stale;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(CardNumber, cancellationToken);
        _state = stored is null ? new CardGrainState() : CardStateJson.Deserialize(stored.StateJson);
        _committed = _state;
        _version = stored?.Version ?? 0;
        _stale = false;
    }

    /// <summary>Takes the decision turn, reloading the card first if a write failed since the last decision.</summary>
    private async Task EnterTurnAsync()
    {
        await _turn.WaitAsync();
        if (!_stale)
        {
            return;
        }

        try
        {
            await LoadAsync(CancellationToken.None);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>
    /// Stages <paramref name="rows"/> with the state as it is now (call it with the turn held, right after changing the
    /// state). The task completes once the write that carries them has committed, and fails if it failed.
    /// </summary>
    private Task Stage(IReadOnlyList<StorageRow> rows)
    {
        var pending = _staged ??= new PendingWrite();
        pending.Rows.AddRange(rows);
        if (!_writing)
        {
            _writing = true;
            _ = WriteLoopAsync();
        }

        return pending.Committed.Task;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (_staged is { } pending)
            {
                _staged = null;
                var state = _state;
                var card = state.Card ?? throw new InvalidOperationException($"Card {CardNumber} has no card to write.");
                var write = new CardWrite(CardNumber, _version, CardStateJson.Serialize(state), CardRows.ReadModel(card, state.MerchantId, state.Head), pending.Rows);
                try
                {
                    await store.WriteAsync(write);
                }
#pragma warning disable CA1031 // Every failure goes to the callers of the write; none may be lost here.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _stale = true;
                    LogWriteFailed(logger, exception, CardNumber, pending.Rows.Count);
                    pending.Committed.SetException(exception);
                    if (_staged is { } behind)
                    {
                        _staged = null;
                        behind.Committed.SetException(new CardWriteAbandonedException($"A write of card {CardNumber} failed before this change could be written; it was not applied.", exception));
                    }

                    return;
                }

                _version++;
                _committed = state;
                foreach (var forgotten in pending.Forgotten)
                {
                    _recentKeys.Add(forgotten);
                }

                pending.Committed.SetResult();
                foreach (var listener in _listeners)
                {
                    listener.CardCommitted(CardNumber);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>Waits for a staged change's write; a write that failed surfaces as <see cref="NotWritten"/>.</summary>
    private async Task WrittenAsync(Task committed)
    {
        try
        {
            await committed;
        }
        catch (Exception exception) when (exception is CardWriteException || IsRetryable(exception))
        {
            throw NotWritten(exception);
        }
    }

    /// <summary>Whether an operation whose write failed with <paramref name="exception"/> may simply run again on a reloaded card.</summary>
    private static bool IsRetryable(Exception exception) =>
        exception is CardWriteAbandonedException or CardVersionConflictException or IdempotencyKeyInUseException;

    /// <summary>
    /// What a caller sees when its operation could not be written: Orleans' own "state changed under you" failure, which
    /// every caller already treats as "retry with the same idempotency key" (the terminal API answers 503). The card has
    /// reloaded or will before its next decision; nothing of the operation was applied, unless the database connection
    /// broke while committing, and then the idempotency key makes the retry safe.
    /// </summary>
    private InconsistentStateException NotWritten(Exception cause) =>
        new($"Card {CardNumber} could not write this operation: {cause.Message} Retry with the same idempotency key.", cause);

    private sealed class PendingWrite
    {
        public List<StorageRow> Rows { get; } = [];

        /// <summary>Keys the staged state no longer keeps; they join the in-memory window once this write commits.</summary>
        public List<string> Forgotten { get; } = [];

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write of card {CardNumber} ({Rows} rows) failed; the card reloads before its next decision")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string cardNumber, int rows);
}
