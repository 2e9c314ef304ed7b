using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// The current <see cref="ClusterRing"/>, rebuilt from the membership view when it changes. Reading it costs a
/// version comparison; the rebuild (a few hundred points) happens once per membership change.
/// </summary>
internal sealed class GrainPlacement(IClusterMembership membership)
{
    private readonly Lock _lock = new();
    private ClusterRing _ring = ClusterRing.Empty;

    public Guid LocalSiloId => membership.LocalSiloId;

    public IClusterMembership Membership => membership;

    public ClusterRing Current
    {
        get
        {
            var view = membership.Current;
            var ring = Volatile.Read(ref _ring);
            if (ring.Version == view.Version)
            {
                return ring;
            }

            lock (_lock)
            {
                // Views only grow: never replace a newer ring with an older one built by a slower thread.
                if (_ring.Version < view.Version)
                {
                    Volatile.Write(ref _ring, ClusterRing.From(view));
                }

                return _ring;
            }
        }
    }
}
