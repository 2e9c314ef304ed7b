namespace Loyalty.Web.Programs;

public sealed record RewardResponse(string Id, string Name, long PointsCost);
