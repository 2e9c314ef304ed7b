using Loyalty.Runtime.Core;
using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// The two rings placement derives from one membership view.
/// <para>
/// <see cref="Owners"/> holds the Active silos: it says which silo owns a grain (keeps its activation, fires its
/// reminders). <see cref="Routes"/> also holds the silos that are shutting down: callers keep sending to a leaving
/// silo until it is gone, so that the leaving silo can finish and flush each grain it still runs and only then pass
/// the grain's calls on to the new owner. The new owner thus always reads the state the old one wrote last.
/// </para>
/// </summary>
internal sealed class ClusterRing
{
    public static readonly ClusterRing Empty = new(-1, HashRing.Empty, HashRing.Empty);

    private ClusterRing(long version, HashRing owners, HashRing routes)
    {
        Version = version;
        Owners = owners;
        Routes = routes;
    }

    /// <summary>The membership view version the rings were built from.</summary>
    public long Version { get; }

    public HashRing Owners { get; }

    public HashRing Routes { get; }

    public static ClusterRing From(MembershipView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reachable = view.Silos.Where(s => !string.IsNullOrEmpty(s.Address)).ToList();
        return new ClusterRing(
            view.Version,
            HashRing.Build(reachable.Where(s => s.Status == SiloStatus.Active).Select(ToMember)),
            HashRing.Build(reachable.Where(s => s.Status is SiloStatus.Active or SiloStatus.ShuttingDown).Select(ToMember)));
    }

    /// <summary>Where a call for <paramref name="grainId"/> goes first, or null when no silo serves calls.</summary>
    public RingMember? RouteOf(GrainId grainId) => Routes.OwnerOf(grainId);

    /// <summary>Which silo owns <paramref name="grainId"/>, or null when no silo is Active.</summary>
    public RingMember? OwnerOf(GrainId grainId) => Owners.OwnerOf(grainId);

    private static RingMember ToMember(SiloEntry silo) => new(silo.SiloId, silo.Name, silo.Address!);
}
