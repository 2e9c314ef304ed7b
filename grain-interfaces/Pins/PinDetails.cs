namespace Loyalty.GrainInterfaces.Pins;

/// <summary>A staff PIN as terminals get it: the bcrypt hash (for offline checks) and the lock, if any.</summary>
public sealed record PinDetails(
    Guid PinId,
    Guid StoreId,
    Guid MerchantId,
    string Name,
    string PinHash,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);
