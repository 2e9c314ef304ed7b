using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Cluster;

/// <summary>
/// The cluster as the membership table shows it: every live silo, and silos dead for less than
/// <see cref="RecentlyDeadPeriod"/> so that operators see a crash. This silo comes first, with its activation counts
/// read live from the catalog; the others' counts are those they wrote with their last heartbeat.
/// </summary>
internal sealed class MembershipClusterStatusProvider(IServiceProvider services, ClusterMembership membership, GrainRuntime runtime) : IClusterStatusProvider
{
    public static readonly TimeSpan RecentlyDeadPeriod = TimeSpan.FromMinutes(10);

    private PostgresMembershipTable? _table;

    public async Task<IReadOnlyList<SiloStatusSnapshot>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var now = runtime.TimeProvider.GetUtcNow();

        // Read fresh rather than from the view: the page wants the latest heartbeats, which the view refreshes only
        // every RefreshPeriod. Before the host has started there is no database yet: then the view is all there is.
        IReadOnlyList<SiloEntry> rows = membership.Current.Silos;
        if (membership.Current.Version > 0)
        {
            _table ??= services.GetRequiredService<PostgresMembershipTable>();
            rows = await _table.ReadAllAsync(cancellationToken);
        }

        var names = rows.ToDictionary(r => r.SiloId, r => r.Name);
        var silos = new List<SiloStatusSnapshot> { Local(rows.FirstOrDefault(r => r.SiloId == membership.LocalSiloId), names, now) };
        foreach (var row in rows)
        {
            if (row.SiloId != membership.LocalSiloId && (row.IsAlive || now - row.DeclaredDeadAt < RecentlyDeadPeriod))
            {
                silos.Add(ToSnapshot(row, row.ActivationsByGrainType, names));
            }
        }

        return silos;
    }

    private SiloStatusSnapshot Local(SiloEntry? row, Dictionary<Guid, string> names, DateTimeOffset now)
    {
        var byType = runtime.Catalog.CountByGrainType();
        if (row is null)
        {
            // Not in the table yet (starting), or no longer (cleaned up long after it died).
            return new SiloStatusSnapshot(runtime.SiloName, membership.LocalStatus.ToString(), runtime.StartedAt, now, byType.Values.Sum(), byType, membership.LocalSiloId);
        }

        // What this silo last wrote about itself may be newer than the row (a status write racing the read).
        var status = membership.LocalStatus > row.Status ? membership.LocalStatus : row.Status;
        return ToSnapshot(row with { Status = status }, byType, names);
    }

    internal static SiloStatusSnapshot ToSnapshot(SiloEntry row, IReadOnlyDictionary<string, int> byType, Dictionary<Guid, string> names) => new(
        row.Name,
        row.Status.ToString(),
        row.StartedAt,
        row.HeartbeatAt,
        byType.Values.Sum(),
        byType,
        row.SiloId,
        row.Address,
        row.Generation,
        row.DeclaredDeadAt,
        row.DeclaredDeadBy is { } by ? names.GetValueOrDefault(by, by.ToString()) : null);
}
