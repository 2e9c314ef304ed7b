using Loyalty.Runtime.Hosting;
using Loyalty.Grains.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Hosting;

/// <summary>The one way a process hosts a silo: the standalone silo and the web frontend both call it.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the database (the configured one, or an embedded server), the grain runtime, this assembly's grains and
    /// the health checks behind <c>/healthz</c> (database reachable, silo Active).
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltySilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddMigrations("grains", typeof(SiloHostingExtensions).Assembly);
        builder.Services.TryAddSingleton<IRandomSource>(CryptoRandomSource.Instance);
        builder.Services.AddGrainRuntime(builder.Configuration, typeof(SiloHostingExtensions).Assembly);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SiloHealthCheck>("silo");
        return builder;
    }
}
