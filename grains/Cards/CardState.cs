using System.Text.Json.Serialization;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A card as the card grain persists it. Immutable: every operation (in the partial files beside this one) returns a
/// <see cref="CardOperationResult"/> with a new state and the ledger fact, or a refusal with nothing changed.
/// Operations take the program's current definition and an <see cref="OperationContext"/>; they never read a clock.
/// </summary>
public sealed partial record CardState
{
    /// <summary>Transactions remembered for voiding; older ones are corrected with an adjustment instead.</summary>
    public const int MaxTransactionRecords = 200;

    public required string CardNumber { get; init; }

    public required string ProgramId { get; init; }

    public required CustomerProfile Customer { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    public CardStatus Status { get; init; } = CardStatus.Active;

    /// <summary>Stamps toward the next reward: 0 to the program's target minus one.</summary>
    public int Stamps { get; init; }

    public int RewardsAvailable { get; init; }

    /// <summary>Unspent points by lot, oldest first; the balance is their sum.</summary>
    public IReadOnlyList<PointLot> Lots { get; init; } = [];

    [JsonIgnore]
    public long PointsBalance => Lots.Sum(lot => lot.Points);

    /// <summary>Points ever earned from purchases and the welcome bonus, less voided earns. Drives the tier.</summary>
    public long LifetimePoints { get; init; }

    public Tier Tier { get; init; } = Tier.Bronze;

    /// <summary>The last customer activity (enrolment, stamps, earning, redeeming); drives inactivity expiry.</summary>
    public required DateTimeOffset LastActivityAt { get; init; }

    public IReadOnlyList<StampRecord> RecentStamps { get; init; } = [];

    public IReadOnlyList<TransactionRecord> Transactions { get; init; } = [];

    public bool WelcomeBonusGranted { get; init; }

    /// <summary>A new active card for <paramref name="customer"/>; the ledger fact is the enrolment.</summary>
    public static CardOperationResult Enroll(string cardNumber, ProgramDefinition program, CustomerProfile customer, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        var number = CardNumbers.Validate(cardNumber);
        if (!number.IsValid)
            return CardOperationResult.Refused(RuleViolation.Validation("cardNumber", number.Reason!));
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(customer.Name))
            errors.Add("name", "Required.");
        if (string.IsNullOrWhiteSpace(customer.Email) || !customer.Email.Contains('@', StringComparison.Ordinal))
            errors.Add("email", "A valid e-mail address is required.");
        if (!Locales.IsSupported(customer.Locale))
            errors.Add("locale", $"Must be one of {string.Join(", ", Locales.Supported)}.");
        if (!errors.IsEmpty)
            return CardOperationResult.Refused(RuleViolation.Validation(errors));

        var at = context.EffectiveAt;
        var state = new CardState
        {
            CardNumber = cardNumber,
            ProgramId = program.Id,
            Customer = customer,
            EnrolledAt = at,
            LastActivityAt = at,
        };
        var record = new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.Enrollment };
        return state.Commit(state.WithTransaction(record), LedgerKind.Enrollment, $"Enrolled in {program.Name}", context);
    }

    // One copy per operation: the list holds up to 200 records and a hot card changes hundreds of times a minute.
    private CardState WithTransaction(TransactionRecord record)
    {
        var kept = Math.Min(Transactions.Count, MaxTransactionRecords - 1);
        var records = new TransactionRecord[kept + 1];
        for (var i = 0; i < kept; i++)
            records[i] = Transactions[Transactions.Count - kept + i];
        records[kept] = record;
        return this with { Transactions = records };
    }

    private CardState Touch(DateTimeOffset at) => at > LastActivityAt ? this with { LastActivityAt = at } : this;

    // A reused transaction id is a bug in the caller (idempotency is handled before the rules), not a rule violation.
    private void EnsureNewTransaction(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var i = 0; i < Transactions.Count; i++)
        {
            if (Transactions[i].TransactionId == context.TransactionId)
                throw new ArgumentException($"Transaction {context.TransactionId} was already applied to card {CardNumber}.", nameof(context));
        }
    }

    private RuleViolation? CheckActive() => Status switch
    {
        CardStatus.Active => null,
        CardStatus.Blocked => new RuleViolation(ErrorCodes.CardBlocked, $"Card {CardNumber} is blocked."),
        _ => new RuleViolation(ErrorCodes.CardInactive, $"Card {CardNumber} is inactive."),
    };

    /// <summary>The success result: <paramref name="next"/> and a fact whose deltas are the difference from this state.</summary>
    private CardOperationResult Commit(CardState next, LedgerKind kind, string reason, OperationContext context,
        int? stampsDelta = null, Guid? voided = null) =>
        CardOperationResult.Success(next, new LedgerFact
        {
            TransactionId = context.TransactionId,
            CardNumber = CardNumber,
            Kind = kind,
            Reason = reason,
            StampsDelta = stampsDelta ?? next.Stamps - Stamps,
            RewardsDelta = next.RewardsAvailable - RewardsAvailable,
            PointsDelta = next.PointsBalance - PointsBalance,
            StampsAfter = next.Stamps,
            RewardsAvailableAfter = next.RewardsAvailable,
            PointsAfter = next.PointsBalance,
            VoidedTransactionId = voided,
        });
}
