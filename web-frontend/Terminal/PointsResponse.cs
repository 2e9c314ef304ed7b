namespace Loyalty.Web.Terminal;

public sealed record PointsResponse(Guid TransactionId, long PointsEarned, long Points);
