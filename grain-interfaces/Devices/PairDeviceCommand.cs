namespace Loyalty.GrainInterfaces.Devices;

/// <summary>A device to pair with a store, from a redeemed pairing code.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.PairDeviceCommand")]
public sealed record PairDeviceCommand([Id(0)] Guid StoreId, [Id(1)] Guid MerchantId, [Id(2)] string Name);
