namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of a stamp or a stamp redemption.</summary>
/// <param name="TransactionId">The ledger transaction.</param>
/// <param name="Stamps">Stamps toward the next reward (0 to the target minus one).</param>
/// <param name="RewardsAvailable">Stamp rewards ready to redeem.</param>
public sealed record StampResult(Guid TransactionId, int Stamps, int RewardsAvailable);
