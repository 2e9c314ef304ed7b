using Loyalty.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Silo.Hosting;

/// <summary>Healthy when PostgreSQL answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(LoyaltyDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach the database is what this check reports.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", exception);
        }
    }
}
