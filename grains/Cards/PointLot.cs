namespace Loyalty.Grains.Cards;

/// <summary>
/// Points earned by one transaction and not yet spent or expired. Spending takes from the oldest lot first, and
/// the "after earning" expiry policy expires lots by <see cref="EarnedAt"/>.
/// </summary>
public sealed record PointLot(Guid TransactionId, DateTimeOffset EarnedAt, long Points);
