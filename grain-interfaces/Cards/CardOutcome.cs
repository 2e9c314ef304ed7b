namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// The answer to a card operation. A replay of the same request gets this exact outcome again (<see cref="Replayed"/>
/// set), whatever happened to the card since. An enrolment answers with the whole <see cref="Card"/>; an operation on a
/// card (stamps, points, redemptions, adjustments, voids) with its <see cref="Balance"/> after the operation, which
/// its ledger entry records (an answer stored before that form also carries the card).
/// </summary>
public sealed record CardOutcome(
    CardOutcomeStatus Status,
    CardView? Card = null,
    CardBalance? Balance = null,
    Guid? TransactionId = null,
    long? PointsEarned = null,
    CardError? Error = null,
    bool Replayed = false);
