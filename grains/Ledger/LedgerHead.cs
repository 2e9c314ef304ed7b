namespace Loyalty.Grains.Ledger;

/// <summary>
/// The last entry of a card's chain: the card grain keeps it in its state, appends after it, and passes it to
/// <see cref="LedgerVerifier"/> so that entries cut from the end of the chain are detected too.
/// </summary>
public sealed record LedgerHead(long Sequence, string Hash)
{
    /// <summary>The previous hash of a card's first entry: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static LedgerHead Genesis { get; } = new(0, GenesisHash);
}
