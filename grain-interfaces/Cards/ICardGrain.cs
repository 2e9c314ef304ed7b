using Orleans.Concurrency;

namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// One loyalty card, keyed by its 16-digit card number. Every change is judged by the program's rules, appended to the
/// card's hash-chained ledger and committed atomically with the card's state, its read-model row, the idempotency
/// record and any outbox messages. Called by the terminal and admin APIs and by <see cref="IEnrollmentGrain"/>.
/// </summary>
[Alias("loyalty.ICardGrain")]
public interface ICardGrain : IGrainWithStringKey
{
    /// <summary>Creates the card (with the program's welcome bonus). Called only by the enrolment grain.</summary>
    [Alias("CreateAsync")]
    Task<CardOutcome> CreateAsync(EnrollmentRequest request);

    /// <summary>Applies a stamp, redemption, points, adjustment, void, block or unblock operation, once per idempotency key.</summary>
    [Alias("ApplyAsync")]
    Task<CardOutcome> ApplyAsync(CardCommand command);

    /// <summary>The card, or null when no card has this number.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<CardView?> GetAsync();

    /// <summary>
    /// Erases the customer's personal data (name, e-mail, phone, birthday) from the card, its enrolment and the rows
    /// that repeat them, and closes the card; balances and ledger amounts stay. Serialized with the card's other
    /// operations and audited. Idempotent: erasing an erased card answers with it again (<see cref="CardOutcome.Replayed"/>).
    /// </summary>
    [Alias("EraseCustomerAsync")]
    Task<CardOutcome> EraseCustomerAsync(CustomerErasure request);

    /// <summary>The card's points that will expire, by date, soonest first (empty when none can expire).</summary>
    [ReadOnly]
    [Alias("GetPointsExpiriesAsync")]
    Task<IReadOnlyList<PointsExpiry>> GetPointsExpiriesAsync();

    /// <summary>Recomputes every ledger entry's hash from the stored rows: false when an entry was edited, removed or reordered.</summary>
    [ReadOnly]
    [Alias("VerifyLedgerAsync")]
    Task<LedgerVerificationResult> VerifyLedgerAsync();
}
