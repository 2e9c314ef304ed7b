using Loyalty.Runtime.Client;
using Loyalty.Runtime.Cluster;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Placement;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalty.Runtime.Hosting;

/// <summary>Registers a pure cluster client: grain references whose calls go to the silos found in the database.</summary>
public static class GrainClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="IGrainFactory"/> that hosts no grains: it reads membership (never joins it) and sends each
    /// call to the silo that serves the grain. Needs the database (<c>AddLoyaltyDatabase</c>).
    /// </summary>
    public static IServiceCollection AddGrainClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RuntimeOptions>().Bind(configuration.GetSection(RuntimeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMembershipView(configuration);
        services.AddClusterTransportClient(configuration);

        // A client always talks to other processes: a secret generated here would match no silo's.
        services.AddOptions<ClusterTransportOptions>().Validate(
            o => o.Secret is not null,
            $"{ClusterTransportOptions.SecretKey} is required for a pure cluster client (Loyalty:Silo:Enabled=false): set the same value on every silo and client.");
        services.TryAddSingleton<GrainPlacement>();
        services.TryAddSingleton<ClusterClient>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        services.TryAddSingleton<IClusterStatusProvider, ClientClusterStatusProvider>();
        services.TryAddSingleton<ClusterClientMembershipService>();
        services.AddHostedService<LazyHostedService<ClusterClientMembershipService>>();
        return services;
    }
}
