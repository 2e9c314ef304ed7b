using Loyalty.Runtime.Activations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

/// <summary>Registers the cluster transport (HTTP/2 between silos and from clients, see <see cref="ClusterProtocol"/>).</summary>
public static class ClusterTransportServiceCollectionExtensions
{
    /// <summary>
    /// Adds both sides of the transport to a silo hosted on Kestrel (a web host) with the grain runtime: the client,
    /// and the cluster listener on <c>Loyalty:Silo:ClusterPort</c> next to the <c>urls</c> addresses, which it takes
    /// over from Kestrel. Registers <see cref="IClusterEndpoint"/>, so membership records the silo's address.
    /// </summary>
    public static IServiceCollection AddClusterTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddClusterTransportClient(configuration);
        services.TryAddSingleton<IInboundCallHandler>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton(sp => new ClusterEndpoint(sp.GetRequiredService<IOptions<ClusterTransportOptions>>(), configuration));
        services.TryAddSingleton<IClusterEndpoint>(sp => sp.GetRequiredService<ClusterEndpoint>());
        services.TryAddSingleton<ClusterCallHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<KestrelServerOptions>, ClusterKestrelSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ClusterStartupFilter>());
        return services;
    }

    /// <summary>Adds only the sending side: for a process that calls silos without hosting grains.</summary>
    public static IServiceCollection AddClusterTransportClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClusterTransportOptions>()
            .Configure(o =>
            {
                o.ClusterPort = configuration.GetValue(ClusterTransportOptions.ClusterPortKey, o.ClusterPort);
                o.AdvertisedHost = NullIfEmpty(configuration[ClusterTransportOptions.AdvertisedHostKey]);
                o.Secret = NullIfEmpty(configuration[ClusterTransportOptions.SecretKey]);
                o.MaxRequestBodySize = configuration.GetValue(ClusterTransportOptions.MaxRequestBodySizeKey, o.MaxRequestBodySize);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterTransportOptions>, ClusterTransportOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterSecret>();
        services.TryAddSingleton<IClusterTransport, HttpClusterTransport>();
        return services;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
