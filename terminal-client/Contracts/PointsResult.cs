namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /cards/{cardNumber}/points</c>.</summary>
/// <param name="TransactionId">The ledger transaction.</param>
/// <param name="PointsEarned">Points this purchase earned.</param>
/// <param name="Points">The new balance.</param>
public sealed record PointsResult(Guid TransactionId, long PointsEarned, long Points);
