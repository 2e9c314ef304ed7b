namespace Loyalty.Web.Terminal.Requests;

public sealed record PointsRequest(long? PurchaseAmountMinor, string? Currency, Guid? PinId, string? IdempotencyKey, DateTimeOffset? OccurredAt);
