namespace Loyalty.Grains.Audit;

/// <summary>The <c>action</c> values of <c>audit_log</c>: subject type, dot, past-tense verb.</summary>
public static class AuditActions
{
    public const string MerchantCreated = "merchant.created";
    public const string StoreCreated = "store.created";
    public const string StoreUpdated = "store.updated";
    public const string ProgramCreated = "program.created";
    public const string ProgramUpdated = "program.updated";
    public const string CardAdjusted = "card.adjusted";
    public const string CardTransactionVoided = "card.transaction-voided";
    public const string CardCustomerErased = "card.customer-erased";
    public const string CardBlocked = "card.blocked";
    public const string CardUnblocked = "card.unblocked";
    public const string PinLockoutChanged = "merchant.pin-lockout-changed";
    public const string PinCreated = "pin.created";
    public const string PinChanged = "pin.changed";
    public const string PinUnlocked = "pin.unlocked";
    public const string DevicePaired = "device.paired";
    public const string DeviceRevoked = "device.revoked";
}
