namespace Loyalty.GrainInterfaces.Devices;

/// <summary>A device to pair with a store, from a redeemed pairing code.</summary>
public sealed record PairDeviceCommand(Guid StoreId, Guid MerchantId, string Name);
