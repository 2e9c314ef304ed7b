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
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.OperationOrigin")]
public sealed record OperationOrigin(
    [Id(0)] Guid MerchantId,
    [Id(1)] Guid? StoreId,
    [Id(2)] Guid? DeviceId,
    [Id(3)] Guid? PinId,
    [Id(4)] string StoreTimeZone,
    [Id(5)] string IdempotencyKey,
    [Id(6)] DateTimeOffset? OccurredAt,
    [Id(7)] string? Actor = null);
