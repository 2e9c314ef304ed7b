namespace Loyalty.GrainInterfaces.Cards;

/// <summary>Who asked for a card operation, from where, when, and under which idempotency key.</summary>
/// <param name="MerchantId">The merchant of the device or admin making the call; idempotency keys are unique per merchant.</param>
/// <param name="StoreId">The store of the device, or null for admin and system operations.</param>
/// <param name="DeviceId">The paired device, or null.</param>
/// <param name="PinId">The staff PIN that authorised the operation, or null.</param>
/// <param name="StoreTimeZone">IANA time zone of the store: daily caps count its local days.</param>
/// <param name="IdempotencyKey">1 to 128 characters, unique per merchant.</param>
/// <param name="OccurredAt">When the tablet performed the operation (offline queue), if it says.</param>
/// <param name="Actor">For admin operations, who made them (admin token id): the change is also audited.</param>
public sealed record OperationOrigin(
    Guid MerchantId,
    Guid? StoreId,
    Guid? DeviceId,
    Guid? PinId,
    string StoreTimeZone,
    string IdempotencyKey,
    DateTimeOffset? OccurredAt,
    string? Actor = null);
