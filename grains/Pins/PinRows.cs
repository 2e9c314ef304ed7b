using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Pins;

/// <summary>The <c>staff_pins</c> read model (grains migrations 0001 and 0002), written with the PIN's state.</summary>
internal static class PinRows
{
    private static readonly string[] Key = ["pin_id"];

    public static StorageRow StaffPin(Guid pinId, PinState pin) => StorageRow.Upsert(
        "staff_pins",
        Key,
        new("pin_id", pinId),
        new("store_id", pin.StoreId),
        new("merchant_id", pin.MerchantId),
        new("name", pin.Name),
        new("pin_hash", pin.PinHash),
        new("pin_digits", pin.Digits),
        new("locked_until", pin.Attempts.LockedUntil),
        new("created_at", pin.CreatedAt));
}
