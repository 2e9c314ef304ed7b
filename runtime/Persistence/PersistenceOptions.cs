namespace Loyalty.Runtime.Persistence;

/// <summary>Settings of the PostgreSQL grain-state store.</summary>
public sealed class PersistenceOptions
{
    /// <summary>Separates deployments that share one database; part of every state's key.</summary>
    public string ServiceId { get; set; } = "loyalty";

    /// <summary>Most state writes sent to the database in one round trip.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Most round trips in flight at once. Writes that arrive while all of them are busy wait and
    /// go together in the next one, which is what makes a burst cheap.
    /// </summary>
    public int MaxConcurrentCommits { get; set; } = 1;
}
