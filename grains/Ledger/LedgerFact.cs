namespace Loyalty.Grains.Ledger;

/// <summary>
/// What a card operation changed, before it is placed in the chain: the card rules return it, and
/// <see cref="LedgerChain.Append"/> turns it into a <see cref="LedgerEntry"/> with the operation's metadata.
/// <see cref="StampsDelta"/> is the stamps given or taken; carry-over into rewards shows in <see cref="RewardsDelta"/>,
/// so <c>stampsAfter</c> is not always the previous value plus <see cref="StampsDelta"/>.
/// </summary>
public sealed record LedgerFact
{
    public required Guid TransactionId { get; init; }

    public required string CardNumber { get; init; }

    public required LedgerKind Kind { get; init; }

    /// <summary>Why the balance changed, in words a customer or admin understands.</summary>
    public required string Reason { get; init; }

    public int StampsDelta { get; init; }

    public int RewardsDelta { get; init; }

    public long PointsDelta { get; init; }

    public int StampsAfter { get; init; }

    public int RewardsAvailableAfter { get; init; }

    public long PointsAfter { get; init; }

    /// <summary>For <see cref="LedgerKind.Void"/>: the transaction it reverses.</summary>
    public Guid? VoidedTransactionId { get; init; }
}
