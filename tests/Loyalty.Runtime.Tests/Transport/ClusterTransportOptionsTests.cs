using Loyalty.Runtime.Transport;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Runtime.Tests.Transport;

public sealed class ClusterTransportOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new ClusterTransportOptionsValidator().Validate(null, new ClusterTransportOptions()).Succeeded);

    [Fact]
    public void Validate_PortOutOfRangeShortSecretBadHostTinyLimit_ListsEveryFailure()
    {
        var options = new ClusterTransportOptions { ClusterPort = 65536, Secret = "too-short", AdvertisedHost = "bad host", MaxRequestBodySize = 10 };

        var result = new ClusterTransportOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Loyalty:Silo:ClusterPort must be between 0 (any free port) and 65535; it is 65536.",
                "Loyalty:Cluster:Secret must be at least 16 characters when set.",
                "Loyalty:Silo:AdvertisedHost 'bad host' is not a host name or IP address.",
                "Loyalty:Cluster:MaxRequestBodySize must be at least 1024 bytes; it is 10.",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData(null, null, "http://localhost:5000")]
    [InlineData("http://127.0.0.1:0; http://*:8080", null, "http://127.0.0.1:0|http://*:8080")]
    [InlineData(null, "8080;8081", "http://*:8080|http://*:8081")]
    public void ServerUrls_Read_TakesUrlsThenHttpPortsThenKestrelsDefault(string? urls, string? httpPorts, string expected)
    {
        var configuration = Configuration(("urls", urls), ("http_ports", httpPorts));

        var addresses = ServerUrls.Read(configuration);

        Assert.Equal(expected, string.Join('|', addresses.Select(a => $"{a.Scheme}://{a.Host}:{a.Port}")));
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:0;https://127.0.0.1:0", "https://127.0.0.1:0")]
    [InlineData("https_ports", "443", "https_ports=443")]
    public void ServerUrls_Read_Https_FailsSayingWhy(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerUrls.Read(Configuration((key, value))));

        Assert.Equal(
            $"The silo serves cleartext HTTP only, but urls asks for '{named}'. Listen on http:// addresses and terminate TLS in front of the process (a reverse proxy or load balancer).",
            error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", null, "127.0.0.1")]
    [InlineData("http://localhost:5000", null, "localhost")]
    [InlineData("http://[::1]:5000", null, "[::1]")]
    [InlineData("http://127.0.0.1:0", "silo-3.internal", "silo-3.internal")]
    [InlineData("http://*:8080", null, "<machine>")]
    [InlineData("http://0.0.0.0:8080", null, "<machine>")]
    public void ClusterEndpoint_AdvertisedHost_IsConfiguredElseFirstUrlElseMachineName(string urls, string? advertised, string expectedHost)
    {
        var endpoint = new ClusterEndpoint(
            Microsoft.Extensions.Options.Options.Create(new ClusterTransportOptions { AdvertisedHost = advertised }),
            Configuration(("urls", urls)));

        Assert.Equal(expectedHost.Replace("<machine>", System.Net.Dns.GetHostName(), StringComparison.Ordinal), endpoint.AdvertisedHost);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
