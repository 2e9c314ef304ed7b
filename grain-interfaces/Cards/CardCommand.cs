namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// One operation on a card. <see cref="Kind"/> says which fields apply: stamp (<see cref="Count"/>), stampRedemption,
/// points (<see cref="PurchaseAmountMinor"/>, <see cref="Currency"/>), pointRedemption (<see cref="RewardId"/>),
/// adjustment (<see cref="StampsDelta"/>, <see cref="PointsDelta"/>, <see cref="Reason"/>), void
/// (<see cref="VoidedTransactionId"/>, <see cref="Reason"/>).
/// </summary>
public sealed record CardCommand(
    CardCommandKind Kind,
    OperationOrigin Origin,
    int? Count = null,
    long? PurchaseAmountMinor = null,
    string? Currency = null,
    string? RewardId = null,
    int? StampsDelta = null,
    long? PointsDelta = null,
    string? Reason = null,
    Guid? VoidedTransactionId = null);
