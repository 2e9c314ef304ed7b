using Loyalty.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Hosting;

/// <summary>
/// The real web frontend (co-hosting its silo, on a database of its own in the embedded test PostgreSQL) on a loopback
/// Kestrel port, and Debian's Chromium driven by Playwright. Browsers are never downloaded: Playwright launches
/// <c>/usr/bin/chromium</c>, which CI installs with apt.
/// </summary>
public class SiteApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ManualTimeProvider? _clock;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    // Far above what the tests send from their one address, so only the rate-limit test (its own app) sees a 429.
    public SiteApp()
        : this(new Dictionary<string, string?> { ["Loyalty:Storefront:EnrollmentsPerMinute"] = "10000" })
    {
    }

    protected SiteApp(IReadOnlyDictionary<string, string?> settings)
        : this(settings, clock: null)
    {
    }

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="clock">Replaces the time the application reads (read through a <see cref="ManualWallClock"/>).</param>
    protected SiteApp(IReadOnlyDictionary<string, string?> settings, ManualTimeProvider? clock)
    {
        _settings = settings;
        _clock = clock;
    }

    /// <summary>Where the frontend listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string ConnectionString { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public TestCatalog Catalog { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("browser");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Loyalty"] = ConnectionString,
                ["Loyalty:Demo:Seed"] = "false",
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["urls"] = "http://127.0.0.1:0",
            }).AddInMemoryCollection(_settings));
            if (_clock is not null)
                web.ConfigureServices(services => services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(new ManualWallClock(_clock)));
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        Catalog = new TestCatalog(Services.GetRequiredService<IGrainFactory>());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>A new browser page (its own cookies) whose browser asks for <paramref name="acceptLanguage"/>.</summary>
    public async Task<IPage> NewPageAsync(string acceptLanguage = "en", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = acceptLanguage,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}
