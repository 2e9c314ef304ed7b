namespace Loyalty.Web.Cards;

/// <summary>Reverses one earlier transaction of the card.</summary>
public sealed record VoidRequest(Guid? TransactionId, string? Reason, string? IdempotencyKey);
