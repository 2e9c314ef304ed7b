namespace Loyalty.Web.Terminal.Requests;

public sealed record PointRedemptionRequest(string? RewardId, Guid? PinId, string? IdempotencyKey, DateTimeOffset? OccurredAt);
