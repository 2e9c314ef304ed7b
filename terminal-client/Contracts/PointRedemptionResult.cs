namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /cards/{cardNumber}/point-redemptions</c>.</summary>
/// <param name="TransactionId">The ledger transaction.</param>
/// <param name="Points">The new balance.</param>
public sealed record PointRedemptionResult(Guid TransactionId, long Points);
