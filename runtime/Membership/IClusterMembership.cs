namespace Loyalty.Runtime.Membership;

/// <summary>This silo's view of the cluster's membership, for components that react to it (placement).</summary>
public interface IClusterMembership
{
    /// <summary>This silo incarnation's id (its row in the <c>silos</c> table).</summary>
    Guid LocalSiloId { get; }

    /// <summary>The latest snapshot; <see cref="MembershipView.Empty"/> before the first read.</summary>
    MembershipView Current { get; }

    /// <summary>
    /// The view the current one replaced, and when (on this silo's clock) the change was read: placement asks the
    /// previous owner of a grain that just moved to hand it over.
    /// </summary>
    (MembershipView Previous, DateTimeOffset ChangedAt) LastChange { get; }

    /// <summary>Completes with the first view whose version is greater than <paramref name="knownVersion"/>.</summary>
    Task<MembershipView> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken);

    /// <summary>The current view, then every changed view (consecutive changes may be folded into one).</summary>
    IAsyncEnumerable<MembershipView> WatchAsync(CancellationToken cancellationToken);
}
