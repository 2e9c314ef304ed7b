namespace Loyalty.Web.Terminal.Requests;

public sealed record StampRedemptionRequest(Guid? PinId, string? IdempotencyKey, DateTimeOffset? OccurredAt);
