namespace Loyalty.GrainInterfaces.Devices;

/// <summary>A paired device as admins see it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.devices.DeviceDetails")]
public sealed record DeviceDetails(
    [Id(0)] Guid DeviceId,
    [Id(1)] Guid StoreId,
    [Id(2)] Guid MerchantId,
    [Id(3)] string Name,
    [Id(4)] DeviceStatus Status,
    [Id(5)] DateTimeOffset PairedAt,
    [Id(6)] DateTimeOffset? LastSeenAt,
    [Id(7)] DateTimeOffset? RevokedAt);
