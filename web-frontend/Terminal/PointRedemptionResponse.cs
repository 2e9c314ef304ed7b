namespace Loyalty.Web.Terminal;

public sealed record PointRedemptionResponse(Guid TransactionId, long Points);
