namespace Loyalty.GrainInterfaces.Programs;

/// <summary>One entry of a program's points reward catalogue.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.programs.RewardDefinition")]
public sealed record RewardDefinition([Id(0)] string Id, [Id(1)] string Name, [Id(2)] long PointsCost);
