namespace Loyalty.Grains.Storage;

/// <summary>Settings of the <see cref="CardStore"/>, bound from <c>Loyalty:Persistence</c>.</summary>
public sealed class CardStoreOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Loyalty:Persistence";

    /// <summary>Most card writes sent to the database in one round trip (one transaction).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Most batches in flight at once. Writes that arrive while all of them are busy wait and go together in the next
    /// batch, which is what makes a burst cheap. One is fastest where the database's flushes are quick (ADR 0014); two
    /// can overlap slow flushes (network disks).
    /// </summary>
    public int MaxConcurrentCommits { get; set; } = 1;
}
