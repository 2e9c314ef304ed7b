namespace Loyalty.Web.Terminal.Requests;

public sealed record StampRequest(int? Count, Guid? PinId, string? IdempotencyKey, DateTimeOffset? OccurredAt);
