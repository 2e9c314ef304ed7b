using Loyalty.Runtime.Membership;

namespace Loyalty.Runtime.Cluster;

/// <summary>
/// The cluster as a pure client sees it: every live silo and the recently dead ones, with the activation counts
/// each wrote with its last heartbeat, read fresh from the membership table.
/// </summary>
internal sealed class ClientClusterStatusProvider(PostgresMembershipTable table, TimeProvider time) : IClusterStatusProvider
{
    public async Task<IReadOnlyList<SiloStatusSnapshot>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await table.ReadAllAsync(cancellationToken);
        var names = rows.ToDictionary(r => r.SiloId, r => r.Name);
        return
        [
            .. rows
                .Where(r => r.IsAlive || now - r.DeclaredDeadAt < MembershipClusterStatusProvider.RecentlyDeadPeriod)
                .Select(r => MembershipClusterStatusProvider.ToSnapshot(r, r.ActivationsByGrainType, names)),
        ];
    }
}
