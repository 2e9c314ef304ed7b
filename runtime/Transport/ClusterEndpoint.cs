using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

/// <summary>The cluster listener: the Kestrel endpoint it binds and the address it is advertised at.</summary>
internal sealed class ClusterEndpoint : IClusterEndpoint
{
    private ListenOptions? _listener;

    public ClusterEndpoint(IOptions<ClusterTransportOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        PublicAddresses = ServerUrls.Read(configuration);
        var first = PublicAddresses[0];
        var host = first.IsUnixPipe || ServerUrls.IsWildcard(first.Host) ? null : first.Host;
        AdvertisedHost = FormatHost(options.Value.AdvertisedHost ?? host ?? Dns.GetHostName());

        // Kestrel cannot take any free port on "localhost" (two sockets), hence the IPv4 loopback.
        BindAddress = host is null ? null
            : ServerUrls.IsLocalhost(host) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : null;
    }

    /// <summary>The host part of <see cref="Address"/> (IPv6 addresses in brackets).</summary>
    public string AdvertisedHost { get; }

    /// <summary>The application's own addresses (see <see cref="ServerUrls"/>).</summary>
    public IReadOnlyList<BindingAddress> PublicAddresses { get; }

    /// <summary>
    /// The interface the cluster listener binds: that of the first public address (localhost: the IPv4 loopback),
    /// or null for every interface when that is a wildcard or a host name.
    /// </summary>
    public IPAddress? BindAddress { get; }

    /// <summary>The bound port, or 0 before the server has started.</summary>
    public int Port => _listener?.IPEndPoint?.Port ?? 0;

    public string Address => Port != 0
        ? $"{AdvertisedHost}:{Port}"
        : throw new InvalidOperationException("The cluster listener has not bound a port yet: its address is known once the server has started.");

    /// <summary>Called by the Kestrel set-up with the endpoint it created; the port is filled in when Kestrel binds.</summary>
    public void Attach(ListenOptions listener) => _listener = listener;

    public bool IsClusterPort(int localPort) => localPort == Port && localPort != 0;

    private static string FormatHost(string host) =>
        IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 && !host.StartsWith('[')
            ? $"[{host}]"
            : host;
}
