using Loyalty.Runtime.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Grains.Hosting;

/// <summary>Healthy while this process's silo is Active (it is not once shutdown has begun).</summary>
public sealed class SiloHealthCheck(IClusterStatusProvider cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var silos = await cluster.GetSilosAsync(cancellationToken);
        var local = silos.Count > 0 ? silos[0] : null;
        return local?.Status == "Active"
            ? HealthCheckResult.Healthy($"Silo {local.Name} is Active")
            : HealthCheckResult.Unhealthy($"Silo is {local?.Status ?? "absent"}");
    }
}
