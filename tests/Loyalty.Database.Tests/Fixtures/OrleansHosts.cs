using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Loyalty.Database.Tests.Fixtures;

/// <summary>Silo and client hosts built as the product's hosts build them, on a test database and loopback ports.</summary>
public static class OrleansHosts
{
    public const string ServiceId = "loyalty-database-tests";

    /// <summary>
    /// A silo with database clustering. <c>UseOrleans</c> comes before <c>AddLoyaltyDatabase</c> on purpose: the
    /// database must still start first.
    /// </summary>
    public static IHost BuildSilo(string connectionString, string clusterId, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", connectionString)]);
        builder.UseOrleans(silo =>
        {
            silo.UseLoyaltyDatabaseClustering()
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = ServiceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, LoopbackPort.FindFree(), LoopbackPort.FindFree());
            configure?.Invoke(silo);
        });
        builder.AddLoyaltyDatabase();
        return builder.Build();
    }

    /// <summary>A client that finds its gateways in the database.</summary>
    public static IHost BuildClient(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", connectionString)]);
        builder.AddLoyaltyDatabase();
        builder.UseOrleansClient(client => client
            .UseLoyaltyDatabaseClustering()
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            }));
        return builder.Build();
    }

    public static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";
}
