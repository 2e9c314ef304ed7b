using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Loyalty.Silo.Hosting;

/// <summary>For a pure client: healthy while at least one silo is Active to take its calls.</summary>
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The management grain takes no token; the check stops waiting for it when the probe gives up.
#pragma warning disable CA2016
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
#pragma warning restore CA2016
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("No silo is Active: start a silo against the same database and cluster id");
        }
#pragma warning disable CA1031 // Not reaching the cluster is what this check reports.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("No silo answers: start a silo against the same database and cluster id", exception);
        }
    }
}
