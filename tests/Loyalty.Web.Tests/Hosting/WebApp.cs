using Loyalty.Testing;
using Loyalty.Web.Tests.TestGrains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>
/// The real web frontend (co-hosting its silo) listening on a loopback port over Kestrel, on a database of its own,
/// with the test grains added. Tests talk to it over real HTTP.
/// </summary>
public sealed class WebApp : IAsyncLifetime
{
    public const string BootstrapToken = "test-bootstrap-token-0123456789abcdefghijklmnop";

    private readonly bool _seedDemo;
    private readonly TimeProvider? _timeProvider;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Func<string, Task>? _prepareDatabase;
    private WebApplicationFactory<Program>? _factory;

    public WebApp()
        : this(timeProvider: null, settings: null)
    {
    }

    /// <param name="timeProvider">
    /// Replaces the system clock (grains, web and, for now, Orleans), e.g. a <see cref="ManualTimeProvider"/>, whose time
    /// is read through a <see cref="ManualWallClock"/> so Orleans' own timers keep running.
    /// </param>
    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="seedDemo">Demo seeding is off in tests (it would add a merchant to every database) except where a test checks it.</param>
    /// <param name="prepareDatabase">Runs on the new database (given its connection string) before the app starts.</param>
    internal WebApp(TimeProvider? timeProvider, IReadOnlyDictionary<string, string?>? settings, bool seedDemo = false, Func<string, Task>? prepareDatabase = null)
    {
        _seedDemo = seedDemo;
        _prepareDatabase = prepareDatabase;
        _timeProvider = timeProvider;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public string ConnectionString { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("web");
        if (_prepareDatabase is not null)
        {
            await _prepareDatabase(ConnectionString);
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Loyalty"] = ConnectionString,
                ["Loyalty:Admin:BootstrapToken"] = BootstrapToken,
                ["Loyalty:Demo:Seed"] = _seedDemo ? "true" : "false",
                ["Serilog:MinimumLevel:Default"] = "Warning",

                // A free loopback port per app, so test classes (each with its own app) run in parallel.
                ["urls"] = "http://127.0.0.1:0",
            }).AddInMemoryCollection(_settings));
            web.ConfigureServices(services =>
            {
                // The test grains (TestGrains/). Orleans would also find them through the test process's dependency
                // context; naming their assembly keeps them independent of how the host discovers assemblies.
                services.AddSerializer(serializer => serializer.AddAssembly(typeof(EchoGrain).Assembly));
                if (_timeProvider is not null)
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton(_timeProvider is ManualTimeProvider manual ? new ManualWallClock(manual) : _timeProvider);
                }
            });
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();

        _factory.ClientOptions.BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        Client = _factory.CreateClient();
        await Task.CompletedTask;
    }

    public HttpClient CreateClient(string? bearerToken)
    {
        var client = _factory!.CreateClient();
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a test of a form's answers needs.</summary>
    public HttpClient CreatePageClient(string acceptLanguage = "en")
    {
        // Over Kestrel the factory's clients sit on a handler that follows redirects itself: this one does not.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = _factory!.ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
