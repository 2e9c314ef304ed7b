namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>An issued pairing code and when it expires.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pairing.PairingCodeIssue")]
public sealed record PairingCodeIssue([Id(0)] string Code, [Id(1)] DateTimeOffset ExpiresAt);
