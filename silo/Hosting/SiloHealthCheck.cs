using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Loyalty.Silo.Hosting;

/// <summary>Healthy while this process's silo is Active in the cluster (it is not before joining, nor once shutdown has begun).</summary>
public sealed class SiloHealthCheck(ILocalSiloDetails silo, ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.Name} is Active")
            : HealthCheckResult.Unhealthy($"Silo {silo.Name} is {status}"));
    }
}
