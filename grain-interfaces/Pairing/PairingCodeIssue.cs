namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>An issued pairing code and when it expires.</summary>
public sealed record PairingCodeIssue(string Code, DateTimeOffset ExpiresAt);
