using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The addresses a started web host serves its application on: the server's addresses without the silo's
/// HTTP/2-only cluster listener, which Kestrel lists among them.
/// </summary>
public static class ApplicationAddresses
{
    public static IReadOnlyList<Uri> Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var clusterPort = (services.GetService<ClusterEndpoint>())?.Port ?? 0;
        return [.. addresses.Where(a => BindingAddress.Parse(a).Port != clusterPort || clusterPort == 0).Select(a => new Uri(a))];
    }
}
