using System.Net;
using System.Net.Sockets;

namespace Loyalty.Silo.Hosting;

/// <summary>Turns <see cref="SiloOptions"/> into the addresses Orleans listens on and advertises.</summary>
internal static class ClusterEndpoints
{
    /// <summary>The advertised address: the configured host (resolved once, IPv4 first), or loopback when none is set.</summary>
    public static IPAddress AdvertisedAddress(SiloOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdvertisedHost))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(options.AdvertisedHost, out var address))
        {
            return address;
        }

        var addresses = Dns.GetHostAddresses(options.AdvertisedHost);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Loyalty:Silo:AdvertisedHost '{options.AdvertisedHost}' resolves to no address.");
    }

    /// <summary>
    /// <paramref name="configured"/>, or for 0 a port the operating system reports free on <paramref name="address"/>.
    /// Orleans needs the number before it listens (it is recorded in the membership table); the short window between
    /// asking and listening is the price of running several silos on one machine without set-up.
    /// </summary>
    public static int Port(int configured, IPAddress address)
    {
        if (configured != 0)
        {
            return configured;
        }

        using var probe = new TcpListener(address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
