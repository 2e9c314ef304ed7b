using Loyalty.GrainInterfaces.Devices;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Devices;

/// <summary>The <c>devices</c> read model (grains migration 0005), written with the device's state.</summary>
internal static class DeviceRows
{
    private static readonly string[] Key = ["device_id"];

    public static StorageRow Device(Guid deviceId, DeviceState device) => StorageRow.Upsert(
        "devices",
        Key,
        new("device_id", deviceId),
        new("store_id", device.StoreId),
        new("merchant_id", device.MerchantId),
        new("name", device.Name),
        new("status", device.Status == DeviceStatus.Revoked ? "revoked" : "active"),
        new("paired_at", device.PairedAt),
        new("last_seen_at", device.LastSeenAt),
        new("revoked_at", device.RevokedAt),
        new("token_hash", device.TokenHash));
}
