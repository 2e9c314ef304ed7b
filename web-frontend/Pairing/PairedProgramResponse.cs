namespace Loyalty.Web.Pairing;

/// <summary>One of the merchant's programs in the pairing answer; <see cref="Kind"/> is <c>stamps</c>, <c>points</c> or <c>hybrid</c>.</summary>
public sealed record PairedProgramResponse(Guid Id, string Name, string Kind);
