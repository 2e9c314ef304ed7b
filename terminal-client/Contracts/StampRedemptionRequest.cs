namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /cards/{cardNumber}/stamp-redemptions</c>.</summary>
/// <param name="PinId">The staff PIN that authorised it.</param>
/// <param name="IdempotencyKey">1 to 128 characters, unique per merchant.</param>
/// <param name="OccurredAt">When the tablet performed it, for operations sent late.</param>
public sealed record StampRedemptionRequest(Guid PinId, string IdempotencyKey, DateTimeOffset? OccurredAt = null);
