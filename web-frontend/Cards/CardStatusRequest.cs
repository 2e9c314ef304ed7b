namespace Loyalty.Web.Cards;

/// <summary>Blocks or unblocks a card, with the reason the ledger keeps.</summary>
public sealed record CardStatusRequest(string? Reason, string? IdempotencyKey);
