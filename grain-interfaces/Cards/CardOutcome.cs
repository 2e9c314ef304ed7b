namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// The answer to a card operation. A replay of the same request gets this exact outcome again (<see cref="Replayed"/>
/// set), whatever happened to the card since. An enrolment answers with the whole <see cref="Card"/>; an operation on a
/// card (stamps, points, redemptions, adjustments, voids) with its <see cref="Balance"/> after the operation, which
/// its ledger entry records (an answer stored before that form also carries the card).
/// </summary>
[GenerateSerializer]
[Alias("loyalty.cards.CardOutcome")]
public sealed record CardOutcome(
    [Id(0)] CardOutcomeStatus Status,
    [Id(1)] CardView? Card = null,
    [Id(2)] CardBalance? Balance = null,
    [Id(3)] Guid? TransactionId = null,
    [Id(4)] long? PointsEarned = null,
    [Id(5)] CardError? Error = null,
    [Id(6)] bool Replayed = false);
