using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Cards;

/// <summary>The first answer given to an idempotency key, and the fingerprint of the request it answered.</summary>
public sealed record IdempotencyRecord(string Key, string Fingerprint, CardOutcome Outcome);
