using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The public addresses ASP.NET Core would listen on: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else
/// <c>http_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>) on every interface, else <c>http://localhost:5000</c>.
/// Kestrel ignores them once anything calls <c>Listen</c>, as the cluster listener does, so the transport
/// listens on them itself.
/// </summary>
internal static class ServerUrls
{
    public const string DefaultUrl = "http://localhost:5000";

    public static IReadOnlyList<BindingAddress> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            if (!string.IsNullOrWhiteSpace(configuration["https_ports"]))
            {
                throw new InvalidOperationException(NotHttp($"https_ports={configuration["https_ports"]}"));
            }

            urls = configuration["http_ports"] is { Length: > 0 } ports
                ? string.Join(';', Split(ports).Select(port => $"http://*:{port}"))
                : DefaultUrl;
        }

        var addresses = new List<BindingAddress>();
        foreach (var url in Split(urls))
        {
            var address = BindingAddress.Parse(url);
            if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(NotHttp(url));
            }

            addresses.Add(address);
        }

        return addresses;
    }

    /// <summary>Whether <paramref name="host"/> stands for every interface (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>).</summary>
    public static bool IsWildcard(string host) =>
        host is "*" or "+" or "0.0.0.0" or "::" or "[::]";

    public static bool IsLocalhost(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    private static string[] Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NotHttp(string url) =>
        $"The silo serves cleartext HTTP only, but urls asks for '{url}'. Listen on http:// addresses and terminate TLS " +
        "in front of the process (a reverse proxy or load balancer).";
}
