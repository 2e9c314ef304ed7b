namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// The answer to a card operation. It is stored with the idempotency key, so a replay of the same request gets this
/// exact outcome again (<see cref="Replayed"/> set), whatever happened to the card since.
/// </summary>
public sealed record CardOutcome(
    CardOutcomeStatus Status,
    CardView? Card = null,
    Guid? TransactionId = null,
    long? PointsEarned = null,
    CardError? Error = null,
    bool Replayed = false);
