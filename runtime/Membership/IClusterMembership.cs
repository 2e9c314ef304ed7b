namespace Loyalty.Runtime.Membership;

/// <summary>This silo's view of the cluster's membership, for components that react to it (placement).</summary>
public interface IClusterMembership
{
    /// <summary>This silo incarnation's id (its row in the <c>silos</c> table).</summary>
    Guid LocalSiloId { get; }

    /// <summary>The latest snapshot; <see cref="MembershipView.Empty"/> before the first read.</summary>
    MembershipView Current { get; }

    /// <summary>Completes with the first view whose version is greater than <paramref name="knownVersion"/>.</summary>
    Task<MembershipView> WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken);

    /// <summary>The current view, then every changed view (consecutive changes may be folded into one).</summary>
    IAsyncEnumerable<MembershipView> WatchAsync(CancellationToken cancellationToken);
}
