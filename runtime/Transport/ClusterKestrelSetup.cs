using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// Makes Kestrel listen on the cluster port (HTTP/2 only, on the interface of the first public address) and, since
/// a <c>Listen</c> call makes Kestrel ignore <c>urls</c>, on every public address as Kestrel itself would.
/// </summary>
internal sealed class ClusterKestrelSetup(ClusterEndpoint endpoint, IOptions<ClusterTransportOptions> options)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        foreach (var address in endpoint.PublicAddresses)
        {
            ListenPublic(kestrel, address);
        }

        var port = options.Value.ClusterPort;
        Action<ListenOptions> cluster = listener =>
        {
            listener.Protocols = HttpProtocols.Http2;
            endpoint.Attach(listener);
        };
        if (endpoint.BindAddress is { } bindAddress)
        {
            kestrel.Listen(bindAddress, port, cluster);
        }
        else
        {
            kestrel.ListenAnyIP(port, cluster);
        }
    }

    // The protocols stay Kestrel's endpoint defaults (HTTP/1.1 and HTTP/2), as for urls.
    private static void ListenPublic(KestrelServerOptions kestrel, BindingAddress address)
    {
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath);
        }
        else if (ServerUrls.IsLocalhost(address.Host))
        {
            kestrel.ListenLocalhost(address.Port);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port);
        }
    }
}
