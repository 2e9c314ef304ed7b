using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// The current <see cref="ClusterRing"/>, rebuilt from the membership view when it changes, and the ring of the view
/// before it (so a new owner knows whom to ask for a grain's hand-off). Reading it costs a version comparison; a
/// rebuild (a few hundred points) happens once per membership change.
/// </summary>
internal sealed class GrainPlacement(IClusterMembership membership)
{
    private readonly Lock _lock = new();
    private ClusterRing _ring = ClusterRing.Empty;
    private ClusterRing _previous = ClusterRing.Empty;

    public Guid LocalSiloId => membership.LocalSiloId;

    public IClusterMembership Membership => membership;

    public ClusterRing Current => Cached(ref _ring, membership.Current);

    /// <summary>The ring of the view before the current one, and when the current one replaced it.</summary>
    public (ClusterRing Ring, DateTimeOffset ReplacedAt) Previous
    {
        get
        {
            var (view, changedAt) = membership.LastChange;
            return (Cached(ref _previous, view), changedAt);
        }
    }

    private ClusterRing Cached(ref ClusterRing slot, MembershipView view)
    {
        var ring = Volatile.Read(ref slot);
        if (ring.Version == view.Version)
        {
            return ring;
        }

        lock (_lock)
        {
            // Views only grow: never replace a newer ring with an older one built by a slower thread.
            if (slot.Version < view.Version)
            {
                Volatile.Write(ref slot, ClusterRing.From(view));
            }

            return slot;
        }
    }
}
