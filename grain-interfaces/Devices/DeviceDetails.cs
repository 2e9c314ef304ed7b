namespace Loyalty.GrainInterfaces.Devices;

/// <summary>A paired device as admins see it.</summary>
public sealed record DeviceDetails(
    Guid DeviceId,
    Guid StoreId,
    Guid MerchantId,
    string Name,
    DeviceStatus Status,
    DateTimeOffset PairedAt,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? RevokedAt);
