namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// One operation on a card. <see cref="Kind"/> says which fields apply: stamp (<see cref="Count"/>), stampRedemption,
/// points (<see cref="PurchaseAmountMinor"/>, <see cref="Currency"/>), pointRedemption (<see cref="RewardId"/>),
/// adjustment (<see cref="StampsDelta"/>, <see cref="PointsDelta"/>, <see cref="Reason"/>), void
/// (<see cref="VoidedTransactionId"/>, <see cref="Reason"/>), block and unblock (<see cref="Reason"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CardCommand")]
public sealed record CardCommand(
    [Id(0)] CardCommandKind Kind,
    [Id(1)] OperationOrigin Origin,
    [Id(2)] int? Count = null,
    [Id(3)] long? PurchaseAmountMinor = null,
    [Id(4)] string? Currency = null,
    [Id(5)] string? RewardId = null,
    [Id(6)] int? StampsDelta = null,
    [Id(7)] long? PointsDelta = null,
    [Id(8)] string? Reason = null,
    [Id(9)] Guid? VoidedTransactionId = null);
