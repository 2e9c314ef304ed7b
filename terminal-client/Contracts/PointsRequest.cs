namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /cards/{cardNumber}/points</c>.</summary>
/// <param name="PurchaseAmountMinor">The purchase in minor units (cents).</param>
/// <param name="Currency">ISO 4217 code, as <c>EUR</c>.</param>
/// <param name="PinId">The staff PIN that authorised it.</param>
/// <param name="IdempotencyKey">1 to 128 characters, unique per merchant.</param>
/// <param name="OccurredAt">When the tablet performed it, for operations sent late.</param>
public sealed record PointsRequest(long PurchaseAmountMinor, string Currency, Guid PinId, string IdempotencyKey, DateTimeOffset? OccurredAt = null);
