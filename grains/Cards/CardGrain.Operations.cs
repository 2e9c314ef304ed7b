using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Audit;
using Loyalty.Grains.Idempotency;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Loyalty.Grains.Cards;

/// <summary>Card operations: idempotency first, then the rules, then one atomic write.</summary>
public sealed partial class CardGrain
{
    public async Task<CardOutcome> ApplyAsync(CardCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Card is not { } card)
        {
            return new CardOutcome(CardOutcomeStatus.NotFound, Error: new CardError(CardErrorCodes.CardNotFound, $"No card has number {GrainId.Key}."));
        }

        if (IdempotencyRules.ValidateKey(command.Origin.IdempotencyKey) is { } keyProblem)
        {
            return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(RuleViolation.Validation("idempotencyKey", keyProblem)));
        }

        var merchantId = state.State.MerchantId;
        if (command.Origin.MerchantId != merchantId)
        {
            return CardViews.Refused(CardErrorCodes.Forbidden, "The card belongs to another merchant.");
        }

        var fingerprint = CardFingerprints.Of(card.CardNumber, command);
        if (state.State.Remembers(command.Origin.IdempotencyKey) || _recentKeys.Contains(command.Origin.IdempotencyKey))
        {
            return await AnswerRecentAsync(command.Origin.IdempotencyKey, fingerprint, merchantId);
        }

        var program = await GetProgramAsync(Guid.Parse(card.ProgramId, System.Globalization.CultureInfo.InvariantCulture));
        if (program is null)
        {
            return CardViews.Refused(CardErrorCodes.ProgramNotFound, $"The card's program {card.ProgramId} no longer exists.");
        }

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
            entry = LedgerChain.Append(state.State.Head, result.Fact, context);
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

            state.State = state.State with { Card = result.State, Head = entry.Head };
        }
        else
        {
            // A refusal is answered the same way on a replay, even after the rule would allow it: record it too.
            outcome = new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(result.Violation));
        }

        // An applied operation's record points at its ledger entry; a refusal's holds the answer.
        var record = new IdempotencyRecord(command.Origin.IdempotencyKey, fingerprint, outcome);
        rows.Add(entry is null
            ? CardRows.Idempotency(merchantId, card.CardNumber, record, now)
            : CardRows.Idempotency(merchantId, record.Key, fingerprint, entry));
        Remember(record);
        return await CommitAsync(rows, record, merchantId) ?? await AfterChangeAsync(outcome, program);
    }

    private static CardOperationResult Judge(CardState card, ProgramDefinition program, CardCommand command, OperationContext context) => command.Kind switch
    {
        CardCommandKind.Stamp => card.AddStamps(program, command.Count ?? 0, context),
        CardCommandKind.StampRedemption => card.RedeemStampReward(program, context),
        CardCommandKind.Points => card.EarnPoints(program, command.PurchaseAmountMinor ?? 0, command.Currency ?? string.Empty, context),
        CardCommandKind.PointRedemption => card.RedeemPointsReward(program, command.RewardId ?? string.Empty, context),
        CardCommandKind.Adjustment => card.Adjust(program, command.StampsDelta ?? 0, command.PointsDelta ?? 0, command.Reason ?? string.Empty, context),
        CardCommandKind.Void => card.Void(program, command.VoidedTransactionId ?? Guid.Empty, command.Reason ?? string.Empty, context),
        _ => CardOperationResult.Refused(RuleViolation.Validation("kind", $"Unknown operation {command.Kind}.")),
    };

    /// <summary>
    /// The program's per-device daily cap, counted by the device's grain (it sees the device's stamps on every card).
    /// Asked only once the card's own rules accepted the stamps, so a refused stamp never uses up the device's cap.
    /// </summary>
    private async Task<RuleViolation?> DeviceCapAsync(ProgramDefinition program, CardCommand command, OperationContext context)
    {
        if (command.Kind != CardCommandKind.Stamp || program.MaxStampsPerDevicePerDay is not { } cap || command.Origin.DeviceId is not { } deviceId)
        {
            return null;
        }

        var decision = await GrainFactory.GetGrain<IDeviceGrain>(deviceId).CountStampsAsync(new DeviceStampRequest(
            command.Origin.IdempotencyKey, Guid.Parse(program.Id, System.Globalization.CultureInfo.InvariantCulture), command.Count ?? 0, cap, context.EffectiveAt, command.Origin.StoreTimeZone));
        return decision.Allowed
            ? null
            : new RuleViolation(ErrorCodes.DailyLimitReached, decision.Message ?? "This device reached its daily stamp limit.") { RetryAt = decision.RetryAt };
    }

    /// <summary>Admin changes to a card (adjustments, voids) are audited with who made them.</summary>
    private static StorageRow AuditOf(CardCommand command, string actor, Guid merchantId, string cardNumber, Guid transactionId, DateTimeOffset now) =>
        new AuditEntry(
            merchantId,
            actor,
            command.Kind == CardCommandKind.Void ? AuditActions.CardTransactionVoided : AuditActions.CardAdjusted,
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
    /// A key this card answered recently: its stored first answer when the request is the same, else 409. The stored
    /// record decides, so the card remembers only the keys (a key used again for another request is a client's mistake,
    /// and it costs a read).
    /// </summary>
    private async Task<CardOutcome> AnswerRecentAsync(string key, string fingerprint, Guid merchantId)
    {
        // Writes coalesce: the first answer's write may still be staged or in flight. Once every write asked for has
        // committed (or failed, and this call with it), the stored first answer is there to read.
        await state.WhenWrittenAsync();
        var stored = await IdempotencyStore.FindAsync(database, merchantId, key)
            ?? throw new InvalidOperationException($"Idempotency key {key} of card {GrainId.Key} is remembered but not stored.");
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

    /// <summary>
    /// Writes the change. When the key turns out to be in use already (older than the keys the state remembers, or used
    /// on another card of the merchant), the write changes nothing and the stored first answer decides: replay or 409.
    /// Returns null when the write committed.
    /// </summary>
    private async Task<CardOutcome?> CommitAsync(List<StorageRow> rows, IdempotencyRecord record, Guid merchantId)
    {
        try
        {
            await state.WriteStateAsync(rows);
            return null;
        }
        catch (GrainStateWriteException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "idempotency_keys_pkey" })
        {
            // The failed write deactivates this activation (its memory holds the refused change); the answer comes from storage.
            LogKeyInUse(logger, record.Key, GrainId.Key);
            var stored = await IdempotencyStore.FindAsync(database, merchantId, record.Key);
            if (stored is null)
            {
                throw;
            }

            return Answer(stored, record.Fingerprint);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key {Key} was already used (card {CardNumber}): answering from the stored record")]
    private static partial void LogKeyInUse(ILogger logger, string key, string cardNumber);
}
