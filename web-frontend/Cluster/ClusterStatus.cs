using Orleans;
using Orleans.Runtime;

namespace Loyalty.Web.Cluster;

/// <summary>
/// The cluster as Orleans' management grain reports it: every silo of the membership table with its activations per
/// grain type. Read by the admin API's cluster endpoint and the admin cluster page; platform admins only (the callers check).
/// </summary>
public sealed class ClusterStatus(IGrainFactory grains)
{
    public async Task<ClusterResponse> ReadAsync(CancellationToken cancellationToken)
    {
        // The management grain's methods take no token: the request stops waiting when its client goes.
#pragma warning disable CA2016
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken);
        var statistics = await management.GetSimpleGrainStatistics().WaitAsync(cancellationToken);
#pragma warning restore CA2016
        var silos = hosts
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .Select(h =>
            {
                var counts = statistics
                    .Where(s => s.SiloAddress.Equals(h.SiloAddress))
                    .GroupBy(s => GrainTypeName(s.GrainType), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
                return new SiloResponse(
                    h.SiloName, h.Status.ToString(), h.StartTime, h.IAmAliveTime, counts.Values.Sum(), counts,
                    h.SiloAddress.ToParsableString(), h.SiloAddress.Generation);
            })
            .ToList();

        // A dead silo's grains live nowhere any more.
        return new ClusterResponse(silos, silos.Where(s => s.Status != nameof(SiloStatus.Dead)).Sum(s => s.Activations));
    }

    // Orleans reports the grain class as "Namespace.Class,Assembly" (generic arguments in brackets); the class's own
    // name reads best on a status page.
    private static string GrainTypeName(string grainType)
    {
        var end = grainType.IndexOfAny(['[', ',']);
        var fullName = end < 0 ? grainType : grainType[..end];
        return fullName[(fullName.LastIndexOf('.') + 1)..];
    }
}
