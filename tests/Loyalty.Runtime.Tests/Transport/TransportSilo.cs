using System.Net;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Runtime.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Tests.Transport;

/// <summary>A silo on a web host: Kestrel on 127.0.0.1 (any free ports), the grain runtime and the cluster transport.</summary>
public sealed class TransportSilo : IAsyncDisposable
{
    public const string AppGreeting = "hello from the app";

    private readonly WebApplication _app;

    private TransportSilo(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    internal IClusterTransport Transport => Services.GetRequiredService<IClusterTransport>();

    internal GrainRuntime Runtime => Services.GetRequiredService<GrainRuntime>();

    internal string Secret => Services.GetRequiredService<ClusterSecret>().Value;

    internal Guid SiloId => Services.GetRequiredService<ClusterMembership>().LocalSiloId;

    /// <summary>host:port of the cluster listener, as advertised.</summary>
    public string ClusterAddress => Services.GetRequiredService<IClusterEndpoint>().Address;

    /// <summary>The application's own address (from urls).</summary>
    public Uri PublicUri => _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(address => new Uri(address))
        .Single(uri => uri.Port != new Uri($"http://{ClusterAddress}").Port);

    public static async Task<TransportSilo> StartAsync(
        string connectionString,
        GrainProbe probe,
        ILoggerProvider logs,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = connectionString,
            ["Loyalty:Runtime:SiloName"] = $"transport-{Guid.NewGuid():N}"[..18],
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton(probe);
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddGrainRuntime(builder.Configuration, typeof(EchoGrain).Assembly);
        builder.Services.AddClusterTransport(builder.Configuration);
        var app = builder.Build();
        app.MapGet("/hello", () => AppGreeting);
        await app.StartAsync();
        return new TransportSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
