namespace Loyalty.GrainInterfaces.Pairing;

/// <summary>The answer to a redemption: the store and merchant when <see cref="Outcome"/> is Redeemed.</summary>
public sealed record PairingCodeRedemption(PairingCodeOutcome Outcome, Guid StoreId, Guid MerchantId);
