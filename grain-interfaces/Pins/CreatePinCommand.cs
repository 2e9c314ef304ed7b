namespace Loyalty.GrainInterfaces.Pins;

/// <summary>
/// A new staff PIN of a store. <see cref="Pin"/> is the clear PIN (4 to 8 digits); it is hashed by the grain and
/// never stored or logged. <see cref="Lockout"/> is the merchant's policy; null takes the default (5 failures, 15 minutes).
/// </summary>
public sealed record CreatePinCommand(Guid StoreId, Guid MerchantId, string Name, string Pin, PinLockoutSettings? Lockout = null)
{
    // The clear PIN must not reach logs through a record's generated ToString.
    public override string ToString() => $"CreatePinCommand {{ StoreId = {StoreId}, MerchantId = {MerchantId}, Name = {Name} }}";
}
