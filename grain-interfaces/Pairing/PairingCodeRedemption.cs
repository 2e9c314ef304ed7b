namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>The answer to a redemption: the store and merchant when <see cref="Outcome"/> is Redeemed.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pairing.PairingCodeRedemption")]
public sealed record PairingCodeRedemption(
    [Id(0)] PairingCodeOutcome Outcome,
    [Id(1)] Guid StoreId,
    [Id(2)] Guid MerchantId);
