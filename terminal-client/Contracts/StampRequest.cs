namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /cards/{cardNumber}/stamps</c>.</summary>
/// <param name="Count">1 to 10 stamps.</param>
/// <param name="PinId">The staff PIN that authorised it.</param>
/// <param name="IdempotencyKey">1 to 128 characters, unique per merchant.</param>
/// <param name="OccurredAt">When the tablet performed it, for operations sent late.</param>
public sealed record StampRequest(int Count, Guid PinId, string IdempotencyKey, DateTimeOffset? OccurredAt = null);
