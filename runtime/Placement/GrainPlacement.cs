using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Placement;

/// <summary>
/// The current <see cref="ClusterRing"/>, rebuilt from the membership view when it changes, and the ring before
/// it (so a new owner knows whom to ask for a grain's hand-off). Reading it costs a version comparison; the
/// rebuild (a few hundred points) happens once per membership change.
/// </summary>
internal sealed class GrainPlacement(IClusterMembership membership, TimeProvider time)
{
    private readonly Lock _lock = new();
    private ClusterRing _ring = ClusterRing.Empty;
    private ClusterRing _previous = ClusterRing.Empty;
    private DateTimeOffset _changedAt = DateTimeOffset.MinValue;

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
                    _previous = _ring;
                    _changedAt = time.GetUtcNow();
                    Volatile.Write(ref _ring, ClusterRing.From(view));
                }

                return _ring;
            }
        }
    }

    /// <summary>The ring before the current one, and when the current one replaced it.</summary>
    public (ClusterRing Ring, DateTimeOffset ReplacedAt) Previous
    {
        get
        {
            _ = Current;
            lock (_lock)
            {
                return (_previous, _changedAt);
            }
        }
    }
}
