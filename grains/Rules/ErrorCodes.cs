namespace Loyalty.Grains.Rules;

/// <summary>
/// The machine codes a rule can refuse with. The first group is fixed by the terminal API contract; the second
/// group is ours, for admin operations the contract does not name (their HTTP status is suggested beside each).
/// </summary>
public static class ErrorCodes
{
    public const string Validation = "validation";
    public const string CooldownActive = "cooldown-active";
    public const string DailyLimitReached = "daily-limit-reached";
    public const string InsufficientStamps = "insufficient-stamps";
    public const string InsufficientPoints = "insufficient-points";
    public const string CardInactive = "card-inactive";
    public const string RewardNotFound = "reward-not-found";
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    /// <summary>422: the operation would take a balance past its maximum (<c>CardLimits</c>).</summary>
    public const string BalanceLimitReached = "balance-limit-reached";

    /// <summary>404: the card has no voidable record of that transaction (unknown, or older than the void window).</summary>
    public const string TransactionNotFound = "transaction-not-found";

    /// <summary>409: the transaction was voided before; a transaction voids once.</summary>
    public const string TransactionAlreadyVoided = "transaction-already-voided";

    /// <summary>422: voids, expiries, enrolments and status changes cannot be voided.</summary>
    public const string TransactionNotVoidable = "transaction-not-voidable";

    /// <summary>422: reversing the transaction would make a balance negative (the points or stamps were already spent).</summary>
    public const string VoidInsufficientBalance = "void-insufficient-balance";

    /// <summary>422: the card is blocked (stamps, earning and redemptions wait until an admin unblocks it), or blocked already.</summary>
    public const string CardBlocked = "card-blocked";

    /// <summary>422: only a blocked card can be unblocked.</summary>
    public const string CardNotBlocked = "card-not-blocked";
}
