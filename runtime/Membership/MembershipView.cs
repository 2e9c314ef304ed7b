namespace Loyalty.Runtime.Membership;

/// <summary>
/// An immutable snapshot of the service's silos as this silo last read them. <see cref="Version"/> is local to
/// this process and grows with every observed membership change (a silo joined, changed status or address, or
/// its row was deleted); heartbeat times are refreshed without a new version, so watchers wake only for changes.
/// </summary>
public sealed class MembershipView
{
    public static readonly MembershipView Empty = new(0, [], DateTimeOffset.MinValue);

    public MembershipView(long version, IReadOnlyList<SiloEntry> silos, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(silos);
        Version = version;
        Silos = silos;
        ReadAt = readAt;
    }

    public long Version { get; }

    /// <summary>Every row of the service, dead ones included until they are cleaned up, oldest first.</summary>
    public IReadOnlyList<SiloEntry> Silos { get; }

    /// <summary>When the table was read, on this silo's clock.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>The silos that serve calls: what placement will build its ring from.</summary>
    public IEnumerable<SiloEntry> ActiveSilos => Silos.Where(s => s.Status == SiloStatus.Active);

    public SiloEntry? Find(Guid siloId) => Silos.FirstOrDefault(s => s.SiloId == siloId);
}
