using Loyalty.Runtime.Hosting;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Grains.Hosting;

/// <summary>The one way a process hosts a silo: the standalone silo and the web frontend both call it.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the database (the configured one, or an embedded server), the grain runtime and this assembly's grains.
    /// </summary>
    public static IHostApplicationBuilder AddLoyaltySilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddGrainRuntime(builder.Configuration, typeof(SiloHostingExtensions).Assembly);
        return builder;
    }
}
