namespace Loyalty.Web.Programs;

/// <summary>One reward of a points program's catalogue; its id is generated.</summary>
public sealed record RewardRequest(string? Name, long? PointsCost);
