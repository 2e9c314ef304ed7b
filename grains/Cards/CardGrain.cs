using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Ledger;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Postgres;
using Loyalty.Runtime.Reminders;
using Microsoft.Extensions.Logging;

namespace Loyalty.Grains.Cards;

/// <summary>
/// One card: judges each operation with the card rules, chains it into the ledger, and commits state, ledger entry,
/// read-model row, idempotency record and outbox messages in one write. Answers no caller before that write commits.
/// Writes coalesce: while one is in flight the next operations are judged in memory and go to storage together, so a
/// hot card (64 terminals) is not bounded by one commit round trip per stamp.
/// </summary>
[CoalesceStateWrites]
public sealed partial class CardGrain(
    [PersistentState("card")] IPersistentState<CardGrainState> state,
    LoyaltyDatabase database,
    TimeProvider time,
    ILogger<CardGrain> logger) : Grain, ICardGrain, IRemindable
{
    private static readonly TimeSpan ProgramCacheAge = TimeSpan.FromMinutes(1);
    private readonly RecentKeyWindow _recentKeys = new();
    private ProgramDefinition? _program;
    private DateTimeOffset _programLoadedAt;

    public Task<CardView?> GetAsync() =>
        Task.FromResult(state.State.Card is { } card ? CardViews.Of(card, state.State.MerchantId) : null);

    public async Task<CardOutcome> CreateAsync(EnrollmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Card is not null)
        {
            return CardViews.Refused(CardErrorCodes.CardNumberTaken, $"Card {GrainId.Key} already exists.");
        }

        var program = await GetProgramAsync(request.ProgramId);
        if (program is null)
        {
            return CardViews.Refused(CardErrorCodes.ProgramNotFound, $"Program {request.ProgramId} does not exist.");
        }

        var now = time.GetUtcNow();
        var enrolment = Context(request.Origin, now);
        var enrolled = CardState.Enroll(GrainId.Key, program, request.Customer, enrolment);
        if (!enrolled.Succeeded)
        {
            return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(enrolled.Violation));
        }

        var merchantId = request.Origin.MerchantId;
        var head = LedgerHead.Genesis;
        var card = enrolled.State;
        var entry = LedgerChain.Append(head, enrolled.Fact, enrolment);
        List<StorageRow> rows = [CardRows.Ledger(entry)];
        head = entry.Head;
        var bonus = card.GrantWelcomeBonus(program, enrolment with { TransactionId = Guid.NewGuid(), IdempotencyKey = null });
        if (bonus.Succeeded && bonus.Fact.PointsDelta > 0)
        {
            var bonusEntry = LedgerChain.Append(head, bonus.Fact, enrolment with { TransactionId = bonus.Fact.TransactionId, IdempotencyKey = null });
            rows.Add(CardRows.Ledger(bonusEntry));
            rows.Add(CardRows.Outbox(OutboxTopics.WelcomeBonus, merchantId, card.CardNumber, new { points = bonus.Fact.PointsDelta }, now));
            card = bonus.State;
            head = bonusEntry.Head;
        }

        var outcome = new CardOutcome(CardOutcomeStatus.Applied, CardViews.Of(card, merchantId), TransactionId: enrolment.TransactionId);
        var record = new IdempotencyRecord(request.Origin.IdempotencyKey, CardFingerprints.Of(request), outcome);
        rows.Add(CardRows.Idempotency(merchantId, card.CardNumber, record, now));
        rows.Add(CardRows.Outbox(OutboxTopics.Enrollment, merchantId, card.CardNumber, new { programId = request.ProgramId, locale = request.Customer.Locale }, now));
        state.State = new CardGrainState { Card = card, MerchantId = merchantId, Head = head };
        Remember(record);
        return await CommitAsync(rows, record, merchantId) ?? await AfterChangeAsync(outcome, program);
    }

    public async Task<LedgerVerificationResult> VerifyLedgerAsync()
    {
        var entries = await LedgerReader.ReadAsync(database, GrainId.Key);
        var result = LedgerVerifier.Verify(entries, state.State.Card is null ? null : state.State.Head);
        return new LedgerVerificationResult(result.IsValid, result.EntriesChecked, result.FailedSequence, result.Detail);
    }

    /// <summary>Remembers the key in the state; the key the state forgets to make room moves to the in-memory window.</summary>
    private void Remember(IdempotencyRecord record)
    {
        var (remembered, forgotten) = state.State.Remember(record.Key);
        state.State = remembered;
        if (forgotten is not null)
        {
            _recentKeys.Add(forgotten);
        }
    }

    private async Task<ProgramDefinition?> GetProgramAsync(Guid programId)
    {
        var now = time.GetUtcNow();
        if (_program is null || now - _programLoadedAt > ProgramCacheAge)
        {
            _program = await GrainFactory.GetGrain<IProgramGrain>(programId).GetAsync();
            _programLoadedAt = now;
        }

        return _program;
    }

    private static OperationContext Context(OperationOrigin origin, DateTimeOffset now) => new()
    {
        TransactionId = Guid.NewGuid(),
        RecordedAt = now,
        OccurredAt = origin.OccurredAt,
        StoreTimeZone = StoreTimeZones.Find(origin.StoreTimeZone),
        StoreId = origin.StoreId?.ToString("D"),
        DeviceId = origin.DeviceId?.ToString("D"),
        PinId = origin.PinId?.ToString("D"),
        IdempotencyKey = origin.IdempotencyKey,
    };
}
