using Loyalty.Runtime.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Grains.Hosting;

/// <summary>For a pure client: healthy while at least one silo is Active to take its calls.</summary>
public sealed class ClusterHealthCheck(IClusterStatusProvider cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var silos = await cluster.GetSilosAsync(cancellationToken);
        var active = silos.Count(s => s.Status == "Active");
        return active > 0
            ? HealthCheckResult.Healthy($"{active} active silo(s)")
            : HealthCheckResult.Unhealthy("No silo is Active: start a silo against the same database and service id");
    }
}
