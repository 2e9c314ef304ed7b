using Loyalty.Grains.Demo;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Grains.Hosting;

/// <summary>The one way a process hosts a silo: the standalone silo and the web frontend both call it.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the database (the configured one, or an embedded server), the grain runtime, this assembly's grains, demo seeding and
    /// the health checks behind <c>/healthz</c> (database reachable, silo Active).
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltySilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddLoyaltyGrains();
        builder.Services.AddGrainRuntime(builder.Configuration);
        builder.Services.AddClusterTransport(builder.Configuration);

        // Registered after the runtime, so the runtime has started when seeding calls grains.
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoSeeder>());
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SiloHealthCheck>("silo");
        return builder;
    }

    /// <summary>
    /// Adds what a process needs to use grains it does not host (the web frontend with <c>Loyalty:Silo:Enabled=false</c>):
    /// the database, a cluster client that routes each call to the silo serving the grain, and the health checks
    /// behind <c>/healthz</c> (database reachable, at least one silo Active). Silos seed the demo data.
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltyClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddGrainClient(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }
}
