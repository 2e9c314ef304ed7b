using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Operations;
using Loyalty.Web.Cluster;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Cluster;

/// <summary>
/// <c>/admin/cluster</c> (platform admins; everyone else gets the 404 page): the silos with status, start and last
/// heartbeat, activations per silo and per grain type from Orleans' management grain (<see cref="ClusterStatus"/>,
/// as the admin API's cluster endpoint), and the link to the Orleans dashboard.
/// </summary>
public sealed class IndexModel(ClusterStatus cluster, TimeProvider time, IStringLocalizer<OperationsStrings> texts) : AdminPageModel
{
    public ClusterResponse Cluster { get; private set; } = null!;

    public OperationsTimes Times { get; private set; } = null!;

    /// <summary>Activations per grain type on the live silos, the most first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByGrainType { get; private set; } = [];

    public int LiveSilos { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Admin.IsPlatformAdmin)
            return NotFoundPage();
        Cluster = await cluster.ReadAsync(cancellationToken);
        Times = new OperationsTimes(TimeZoneInfo.Utc, time.GetUtcNow(), texts);
        var live = Cluster.Silos.Where(silo => silo.Status != "Dead").ToList();
        LiveSilos = live.Count;
        ByGrainType = [.. live
            .SelectMany(silo => silo.ActivationsByGrainType)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(group => KeyValuePair.Create(group.Key, group.Sum(pair => pair.Value)))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)];
        return Page();
    }
}
