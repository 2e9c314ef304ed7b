namespace Loyalty.GrainInterfaces.Programs;

/// <summary>One entry of a program's points reward catalogue.</summary>
public sealed record RewardDefinition(string Id, string Name, long PointsCost);
