using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Audit;
using Loyalty.Grains.Idempotency;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using Loyalty.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Loyalty.Grains.Cards;

/// <summary>Card operations: idempotency first, then the rules, then one atomic write.</summary>
public sealed partial class CardGrain
{
    /// <summary>How often an operation runs again when a write it rode failed for another operation's sake.</summary>
    private const int MaxAttempts = 3;

    /// <summary>The operations staged or being written, by idempotency key: a retry sent while its first is in flight waits for it.</summary>
    private readonly Dictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    public async Task<CardOutcome> ApplyAsync(CardCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(command);
            }
            catch (Exception exception) when (IsRetryable(exception) && attempt < MaxAttempts)
            {
                // Another operation's write failed (its key was in use, another activation wrote): nothing of this one
                // was applied, and the card reloads before judging it again.
                LogRetrying(logger, command.Origin.IdempotencyKey, CardNumber, attempt);
            }
            catch (Exception exception) when (exception is CardWriteException || IsRetryable(exception))
            {
                throw NotWritten(exception);
            }
        }
    }

    private async Task<CardOutcome> ApplyOnceAsync(CardCommand command)
    {
        var key = command.Origin.IdempotencyKey;
        string fingerprint;
        Guid merchantId;
        InFlight? first = null;
        InFlight? mine = null;
        var remembered = false;
        var outcome = default(CardOutcome);
        var committed = Task.CompletedTask;
        await EnterTurnAsync();
        try
        {
            if (_state.Card is not { } card)
            {
                return new CardOutcome(CardOutcomeStatus.NotFound, Error: new CardError(CardErrorCodes.CardNotFound, $"No card has number {CardNumber}."));
            }

            if (IdempotencyRules.ValidateKey(key) is { } keyProblem)
            {
                return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(RuleViolation.Validation("idempotencyKey", keyProblem)));
            }

            merchantId = _state.MerchantId;
            if (command.Origin.MerchantId != merchantId)
            {
                return CardViews.Refused(CardErrorCodes.Forbidden, "The card belongs to another merchant.");
            }

            fingerprint = CardFingerprints.Of(card.CardNumber, command);
            if (_inFlight.TryGetValue(key, out first))
            {
                // Answered below, once the first has its answer.
            }
            else if (_state.Remembers(key) || _committed.Remembers(key) || _recentKeys.Contains(key))
            {
                remembered = true;
            }
            else if (await GetProgramAsync(Guid.Parse(card.ProgramId, System.Globalization.CultureInfo.InvariantCulture)) is not { } program)
            {
                return CardViews.Refused(CardErrorCodes.ProgramNotFound, $"The card's program {card.ProgramId} no longer exists.");
            }
            else
            {
                (outcome, var rows) = await DecideAsync(card, program, command, fingerprint);
                mine = new InFlight(fingerprint);
                _inFlight[key] = mine;
                committed = Stage(rows);
            }
        }
        finally
        {
            _turn.Release();
        }

        if (first is not null)
        {
            // The same key while its first request is still being written: that request's answer, once it has one.
            var answer = await first.Answer.Task;
            return IdempotencyRules.Decide(first.Fingerprint, fingerprint) == IdempotencyDecision.Replay ? answer with { Replayed = true } : KeyReused(key);
        }

        if (remembered)
        {
            return await AnswerStoredAsync(key, fingerprint, merchantId);
        }

        try
        {
            await committed;
            mine!.Answer.SetResult(outcome!);
            return outcome!;
        }
        catch (IdempotencyKeyInUseException exception) when (exception.Key == key)
        {
            // Older than the keys this card remembers, or used on another card of the merchant: nothing of this write
            // committed, and the stored first answer decides.
            LogKeyInUse(logger, key, CardNumber);
            _recentKeys.Add(key);
            var answer = await AnswerStoredAsync(key, fingerprint, merchantId);
            mine!.Answer.SetResult(answer);
            return answer;
        }
        catch (Exception exception)
        {
            mine!.Answer.SetException(exception);
            throw;
        }
        finally
        {
            _inFlight.Remove(key);
        }
    }

    /// <summary>
    /// Judges the operation on the card as it is now and changes the in-memory state; returns the answer and the rows to
    /// commit with it. Runs with the turn held: nothing else changes the card meanwhile.
    /// </summary>
    private async Task<(CardOutcome Outcome, List<StorageRow> Rows)> DecideAsync(CardState card, ProgramDefinition program, CardCommand command, string fingerprint)
    {
        var merchantId = _state.MerchantId;
        var now = time.GetUtcNow();
        var context = Context(command.Origin, now);
        var result = Judge(card, program, command, context);
        List<StorageRow> rows = [];
        CardOutcome outcome;
        LedgerEntry? entry = null;
        if (result.Succeeded && await DeviceCapAsync(program, command, context) is { } capped)
        {
            result = CardOperationResult.Refused(capped);
        }

        if (result.Succeeded)
        {
            entry = LedgerChain.Append(_state.Head, result.Fact, context);
            outcome = CardRows.Applied(entry);
            rows.Add(CardRows.Ledger(entry));
            if (command.Origin.Actor is { } actor)
            {
                rows.Add(AuditOf(command, actor, merchantId, card.CardNumber, context.TransactionId, now));
            }

            if (result.Fact.RewardsDelta > 0)
            {
                rows.Add(CardRows.Outbox(OutboxTopics.RewardReady, merchantId, card.CardNumber, new { rewardsAvailable = result.State.RewardsAvailable }, now));
            }

            _state = _state with { Card = result.State, Head = entry.Head };
            await PlanExpiryAsync(program);
        }
        else
        {
            // A refusal is answered the same way on a replay, even after the rule would allow it: record it too.
            outcome = new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(result.Violation));
        }

        // An applied operation's record points at its ledger entry; a refusal's holds the answer.
        var key = command.Origin.IdempotencyKey;
        rows.Add(entry is null
            ? CardRows.Idempotency(merchantId, card.CardNumber, new IdempotencyRecord(key, fingerprint, outcome), now)
            : CardRows.Idempotency(merchantId, key, fingerprint, entry));
        Remember(key);
        return (outcome, rows);
    }

    private static CardOperationResult Judge(CardState card, ProgramDefinition program, CardCommand command, OperationContext context) => command.Kind switch
    {
        CardCommandKind.Stamp => card.AddStamps(program, command.Count ?? 0, context),
        CardCommandKind.StampRedemption => card.RedeemStampReward(program, context),
        CardCommandKind.Points => card.EarnPoints(program, command.PurchaseAmountMinor ?? 0, command.Currency ?? string.Empty, context),
        CardCommandKind.PointRedemption => card.RedeemPointsReward(program, command.RewardId ?? string.Empty, context),
        CardCommandKind.Adjustment => card.Adjust(program, command.StampsDelta ?? 0, command.PointsDelta ?? 0, command.Reason ?? string.Empty, context),
        CardCommandKind.Void => card.Void(program, command.VoidedTransactionId ?? Guid.Empty, command.Reason ?? string.Empty, context),
        CardCommandKind.Block => card.Block(command.Reason ?? string.Empty, context),
        CardCommandKind.Unblock => card.Unblock(command.Reason ?? string.Empty, context),
        _ => CardOperationResult.Refused(RuleViolation.Validation("kind", $"Unknown operation {command.Kind}.")),
    };

    /// <summary>
    /// The program's per-device daily cap, counted by the device's grain (it sees the device's stamps on every card) on
    /// the day the server received the stamps: a backdated <c>occurredAt</c> cannot move them to a day already over.
    /// Asked only once the card's own rules accepted the stamps, so a refused stamp never uses up the device's cap.
    /// </summary>
    private async Task<RuleViolation?> DeviceCapAsync(ProgramDefinition program, CardCommand command, OperationContext context)
    {
        if (command.Kind != CardCommandKind.Stamp || program.MaxStampsPerDevicePerDay is not { } cap || command.Origin.DeviceId is not { } deviceId)
        {
            return null;
        }

        var decision = await GrainFactory.GetGrain<IDeviceGrain>(deviceId).CountStampsAsync(new DeviceStampRequest(
            command.Origin.IdempotencyKey, Guid.Parse(program.Id, System.Globalization.CultureInfo.InvariantCulture), command.Count ?? 0, cap, context.RecordedAt, command.Origin.StoreTimeZone));
        return decision.Allowed
            ? null
            : new RuleViolation(ErrorCodes.DailyLimitReached, decision.Message ?? "This device reached its daily stamp limit.") { RetryAt = decision.RetryAt };
    }

    /// <summary>Admin changes to a card (adjustments, voids, blocks, unblocks) are audited with who made them.</summary>
    private static StorageRow AuditOf(CardCommand command, string actor, Guid merchantId, string cardNumber, Guid transactionId, DateTimeOffset now) =>
        new AuditEntry(
            merchantId,
            actor,
            command.Kind switch
            {
                CardCommandKind.Void => AuditActions.CardTransactionVoided,
                CardCommandKind.Block => AuditActions.CardBlocked,
                CardCommandKind.Unblock => AuditActions.CardUnblocked,
                _ => AuditActions.CardAdjusted,
            },
            AuditSubjects.Card,
            cardNumber,
            now)
        {
            Details = new Dictionary<string, object?>
            {
                ["transactionId"] = transactionId,
                ["stampsDelta"] = command.StampsDelta,
                ["pointsDelta"] = command.PointsDelta,
                ["voidedTransactionId"] = command.VoidedTransactionId,
                ["reason"] = command.Reason,
            },
        }.ToStorageRow();

    /// <summary>
    /// A key this card answered before and whose write has committed: its stored first answer when the request is the
    /// same, else 409. The stored record decides, so the card remembers only the keys (a key used again for another
    /// request is a client's mistake, and it costs a read).
    /// </summary>
    private async Task<CardOutcome> AnswerStoredAsync(string key, string fingerprint, Guid merchantId)
    {
        var stored = await IdempotencyStore.FindAsync(database, merchantId, key)
            ?? throw new InvalidOperationException($"Idempotency key {key} of card {CardNumber} is remembered but not stored.");
        return Answer(stored, fingerprint);
    }

    // An applied operation's answer stored in the earlier form holds the whole card: it answers with its balances too.
    private static CardOutcome Answer(IdempotencyRecord known, string fingerprint) =>
        IdempotencyRules.Decide(known.Fingerprint, fingerprint) == IdempotencyDecision.Replay
            ? known.Outcome with { Replayed = true, Balance = known.Outcome.Balance ?? BalanceOf(known.Outcome.Card) }
            : KeyReused(known.Key);

    private static CardBalance? BalanceOf(CardView? card) => card is null ? null : new CardBalance(card.Stamps, card.Points, card.RewardsAvailable);

    private static CardOutcome KeyReused(string key) => new(
        CardOutcomeStatus.KeyReused,
        Error: new CardError(ErrorCodes.IdempotencyKeyReused, $"Idempotency key '{key}' was used before with a different request."));

    /// <summary>The first request of an idempotency key while it is being written, and its answer once it has one.</summary>
    private sealed class InFlight(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        public TaskCompletionSource<CardOutcome> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operation {Key} on card {CardNumber} runs again (attempt {Attempt} rode a write that failed for another operation)")]
    private static partial void LogRetrying(ILogger logger, string key, string cardNumber, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key {Key} was already used (card {CardNumber}): answering from the stored record")]
    private static partial void LogKeyInUse(ILogger logger, string key, string cardNumber);
}
