namespace Loyalty.GrainInterfaces.Pins;

/// <summary>
/// A new staff PIN of a store. <see cref="Pin"/> is the clear PIN (4 to 8 digits); it is hashed by the grain and
/// never stored or logged. <see cref="Actor"/> is who creates it, for the audit log (an admin token id or "system").
/// The lockout policy is not part of the command: the PIN grain takes its merchant's current one.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pins.CreatePinCommand")]
public sealed record CreatePinCommand(
    [Id(0)] Guid StoreId,
    [Id(1)] Guid MerchantId,
    [Id(2)] string Name,
    [Id(3)] string Pin,
    [Id(4)] string Actor)
{
    // The clear PIN must not reach logs through a record's generated ToString.
    public override string ToString() => $"CreatePinCommand {{ StoreId = {StoreId}, MerchantId = {MerchantId}, Name = {Name}, Actor = {Actor} }}";
}
