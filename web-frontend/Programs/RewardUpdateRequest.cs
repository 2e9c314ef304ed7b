namespace Loyalty.Web.Programs;

/// <summary>One reward of an updated catalogue: <c>id</c> of an existing reward to keep it, null for a new one.</summary>
public sealed record RewardUpdateRequest(string? Id, string? Name, long? PointsCost);
