namespace Loyalty.Grains.Demo;

/// <summary>
/// A demo customer's card: enrolled at <see cref="StoreId"/> by <see cref="PinId"/>, then given <see cref="Stamps"/>
/// stamps or a purchase of <see cref="PurchaseAmountMinor"/> (EUR cents). <see cref="Key"/> prefixes its idempotency keys.
/// </summary>
public sealed record DemoCard(string Key, Guid ProgramId, Guid StoreId, Guid PinId, string Name, string Email, int Stamps = 0, long PurchaseAmountMinor = 0);
