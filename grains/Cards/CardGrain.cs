using Loyalty.Database;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Loyalty.Grains.Cards;

/// <summary>
/// One card: judges each operation with the card rules, chains it into the ledger, and commits state, ledger entry,
/// read-model row, idempotency record and outbox messages in one write through the <see cref="CardStore"/>. Answers no
/// caller before that write commits. The grain is reentrant, but its decisions are not: each one runs alone under
/// <see cref="_turn"/>, changes the in-memory state synchronously and stages its rows. The operations judged while a
/// write is in flight ride the next write together (coalescing), so a hot card is not bounded by one commit round trip
/// per stamp (ADR 0016).
/// </summary>
[Reentrant]
#pragma warning disable CA1001 // _turn is a SemaphoreSlim whose wait handle is never created: nothing to dispose.
public sealed partial class CardGrain(
    CardStore store,
    LoyaltyDatabase database,
    TimeProvider time,
    IEnumerable<ICardChangeListener> listeners,
    ILogger<CardGrain> logger) : Grain, ICardGrain, IRemindable
#pragma warning restore CA1001
{
    private static readonly TimeSpan ProgramCacheAge = TimeSpan.FromMinutes(1);
    private readonly RecentKeyWindow _recentKeys = new();
    private readonly ICardChangeListener[] _listeners = [.. listeners];
    private ProgramDefinition? _program;
    private DateTimeOffset _programLoadedAt;

    private string CardNumber => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The card as last committed (never a change still being written), or null when no card has this number.</summary>
    [ReadOnly]
    public Task<CardView?> GetAsync() =>
        Task.FromResult(_committed.Card is { } card ? CardViews.Of(card, _committed.MerchantId) : null);

    public async Task<CardOutcome> CreateAsync(EnrollmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task committed;
        CardOutcome outcome;
        ProgramDefinition program;
        await EnterTurnAsync();
        try
        {
            if (_state.Card is not null)
            {
                return CardViews.Refused(CardErrorCodes.CardNumberTaken, $"Card {CardNumber} already exists.");
            }

            if (await GetProgramAsync(request.ProgramId) is not { } found)
            {
                return CardViews.Refused(CardErrorCodes.ProgramNotFound, $"Program {request.ProgramId} does not exist.");
            }

            program = found;
            var now = time.GetUtcNow();
            var enrolment = Context(request.Origin, now);
            var enrolled = CardState.Enroll(CardNumber, program, request.Customer, enrolment);
            if (!enrolled.Succeeded)
            {
                return new CardOutcome(CardOutcomeStatus.Refused, Error: CardViews.Of(enrolled.Violation));
            }

            var merchantId = request.Origin.MerchantId;
            var card = enrolled.State;
            var entry = LedgerChain.Append(LedgerHead.Genesis, enrolled.Fact, enrolment);
            List<StorageRow> rows = [CardRows.Ledger(entry)];
            var head = entry.Head;
            var bonusContext = enrolment with { TransactionId = Guid.NewGuid(), IdempotencyKey = null };
            var bonus = card.GrantWelcomeBonus(program, bonusContext);
            if (bonus.Succeeded && bonus.Fact.PointsDelta > 0)
            {
                var bonusEntry = LedgerChain.Append(head, bonus.Fact, bonusContext);
                rows.Add(CardRows.Ledger(bonusEntry));
                rows.Add(CardRows.Outbox(OutboxTopics.WelcomeBonus, merchantId, card.CardNumber, new { points = bonus.Fact.PointsDelta }, now));
                card = bonus.State;
                head = bonusEntry.Head;
            }

            outcome = new CardOutcome(CardOutcomeStatus.Applied, CardViews.Of(card, merchantId), TransactionId: enrolment.TransactionId);
            var record = new IdempotencyRecord(request.Origin.IdempotencyKey, CardFingerprints.Of(request), outcome);
            rows.Add(CardRows.Idempotency(merchantId, card.CardNumber, record, now));
            rows.Add(CardRows.Outbox(OutboxTopics.Enrollment, merchantId, card.CardNumber, new { programId = request.ProgramId, locale = request.Customer.Locale }, now));
            _state = new CardGrainState { Card = card, MerchantId = merchantId, Head = head };
            Remember(request.Origin.IdempotencyKey);
            await PlanExpiryAsync(program);
            committed = Stage(rows);
        }
        finally
        {
            _turn.Release();
        }

        try
        {
            await committed;
        }
        catch (IdempotencyKeyInUseException exception) when (exception.Key == request.Origin.IdempotencyKey)
        {
            // The merchant used the key before (another customer's enrolment, a stamp): nothing of this card committed,
            // and the stored first answer decides, a replay or 409. Running again would meet the same key every time.
            LogKeyInUse(logger, exception.Key, CardNumber);
            return await AnswerStoredAsync(exception.Key, CardFingerprints.Of(request), request.Origin.MerchantId);
        }
        catch (Exception exception) when (exception is CardWriteException || IsRetryable(exception))
        {
            // The enrolment grain retries with a new card number only on a refusal; this is a retry with the same key.
            throw NotWritten(exception);
        }

        return outcome;
    }

    public async Task<LedgerVerificationResult> VerifyLedgerAsync()
    {
        var entries = await LedgerReader.ReadAsync(database, CardNumber);
        var result = LedgerVerifier.Verify(entries, _committed.Card is null ? null : _committed.Head);
        return new LedgerVerificationResult(result.IsValid, result.EntriesChecked, result.FailedSequence, result.Detail);
    }

    /// <summary>Remembers the key in the state; the key the state forgets to make room moves to the in-memory window.</summary>
    private void Remember(string key)
    {
        var (remembered, forgotten) = _state.Remember(key);
        _state = remembered;
        if (forgotten is not null)
        {
            // Into the in-memory window only once the write that carries this state commits: should it fail, the
            // operations it carried run again, and a key the window held would answer them from a record never stored.
            (_staged ??= new PendingWrite()).Forgotten.Add(forgotten);
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
