using System.Reflection;
using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Placement;
using Loyalty.Runtime.Reminders;
using Loyalty.Runtime.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Testing;

/// <summary>
/// Several silos in the test process, each its own web host with its own ports, sharing one database: start,
/// stop gracefully, kill abruptly (no deactivation, no flush, no goodbye: like a crash), restart, add a silo,
/// and wait until every silo sees the same active members.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    /// <summary>Fast failure detection, so a killed silo is declared dead within a few seconds.</summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(2);

    private readonly string _connectionString;
    private readonly Assembly _grainAssembly;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly List<ClusterSilo> _silos = [];
    private readonly List<WebApplication> _killed = [];
    private int _nextSilo;

    private TestCluster(string connectionString, Assembly grainAssembly, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        _configureServices = configureServices;
        _connectionString = connectionString;
        _grainAssembly = grainAssembly;
        _settings = settings;
    }

    /// <summary>The silos running now, in the order they started.</summary>
    public IReadOnlyList<ClusterSilo> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    /// <param name="configureServices">Applied to every silo's services (tests share a probe between silos this way).</param>
    public static async Task<TestCluster> StartAsync(
        string connectionString,
        Assembly grainAssembly,
        int silos = 3,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(grainAssembly);
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var cluster = new TestCluster(connectionString, grainAssembly, settings ?? new Dictionary<string, string?>(), configureServices);

        // One at a time: the first creates the schema under the migration lock, and each joins a known cluster.
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartAdditionalSiloAsync();
        }

        await cluster.WaitForStableAsync();
        return cluster;
    }

    public Task<ClusterSilo> StartAdditionalSiloAsync() => StartSiloAsync($"silo-{Interlocked.Increment(ref _nextSilo)}");

    /// <summary>Graceful stop (SIGTERM): the silo leaves the ring, drains, flushes and hands its grains over.</summary>
    public async Task StopSiloAsync(ClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Forget(silo);
        await silo.App.StopAsync();
        await silo.App.DisposeAsync();
    }

    /// <summary>
    /// Abrupt stop, like SIGKILL: connections drop, heartbeats stop, activations vanish without deactivating or
    /// flushing, and the membership row stays Active until the others declare the silo dead.
    /// </summary>
    public async Task KillSiloAsync(ClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Forget(silo);
        var services = silo.Services;
        using (var now = new CancellationTokenSource())
        {
            await now.CancelAsync();
            await services.GetRequiredService<IServer>().StopAsync(now.Token);
        }

        await services.GetRequiredService<MembershipService>().KillAsync();
        await services.GetRequiredService<GrainRuntime>().KillAsync();
        await services.GetRequiredService<ReminderService>().StopAsync(CancellationToken.None);

        // Disposed with the cluster: disposing now could flush what a crash would lose.
        lock (_killed)
        {
            _killed.Add(silo.App);
        }
    }

    /// <summary>Stops the silo gracefully and starts a new incarnation (a new generation) under the same name.</summary>
    public async Task<ClusterSilo> RestartSiloAsync(ClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await StopSiloAsync(silo);
        return await StartSiloAsync(silo.Name);
    }

    /// <summary>Waits until every running silo sees exactly the running silos as active, and no other silo alive.</summary>
    public Task WaitForStableAsync(TimeSpan? timeout = null)
    {
        return Eventually.TrueAsync(IsStable, "every silo sees exactly the running silos as active", timeout ?? DeathTimeout * 6);

        bool IsStable()
        {
            var running = Silos.Select(s => s.SiloId).Order().ToList();
            return Silos.All(s =>
            {
                var view = s.Services.GetRequiredService<IClusterMembership>().Current;
                var alive = view.Silos.Where(e => e.IsAlive).ToList();
                return alive.All(e => e.Status == SiloStatus.Active && e.Address is not null)
                    && alive.Select(e => e.SiloId).Order().SequenceEqual(running);
            });
        }
    }

    /// <summary>The silo that owns <paramref name="grainId"/> as the first running silo sees the ring.</summary>
    public ClusterSilo OwnerOf(GrainId grainId)
    {
        var owner = Silos[0].Services.GetRequiredService<GrainPlacement>().Current.OwnerOf(grainId)
            ?? throw new InvalidOperationException("No silo is active.");
        return Silos.Single(s => s.SiloId == owner.SiloId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Reverse())
        {
            await StopSiloAsync(silo);
        }

        List<WebApplication> killed;
        lock (_killed)
        {
            killed = [.. _killed];
        }

        foreach (var app in killed)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<ClusterSilo> StartSiloAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Loyalty"] = _connectionString,
            ["Loyalty:Runtime:SiloName"] = name,
            ["Loyalty:Silo:ClusterPort"] = "0",
            ["Loyalty:Silo:AdvertisedHost"] = "127.0.0.1",
            ["Loyalty:Membership:HeartbeatPeriod"] = HeartbeatPeriod.ToString(),
            ["Loyalty:Membership:DeathTimeout"] = DeathTimeout.ToString(),
            ["Loyalty:Membership:RefreshPeriod"] = "00:00:01",
            ["Loyalty:Reminders:MinimumPeriod"] = "00:00:01",
        };
        foreach (var (key, value) in _settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddLoyaltyDatabase(builder.Configuration);
        builder.Services.AddGrainRuntime(builder.Configuration, _grainAssembly);
        builder.Services.AddClusterTransport(builder.Configuration);
        _configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        await app.StartAsync();
        var silo = new ClusterSilo(name, app);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    private void Forget(ClusterSilo silo)
    {
        lock (_silos)
        {
            if (!_silos.Remove(silo))
            {
                throw new InvalidOperationException($"Silo {silo.Name} is not running in this cluster.");
            }
        }
    }
}

/// <summary>One silo of a <see cref="TestCluster"/>.</summary>
public sealed class ClusterSilo
{
    internal ClusterSilo(string name, WebApplication app)
    {
        Name = name;
        App = app;
        SiloId = app.Services.GetRequiredService<IClusterMembership>().LocalSiloId;
        Address = app.Services.GetRequiredService<IClusterEndpoint>().Address;
    }

    public string Name { get; }

    public Guid SiloId { get; }

    /// <summary>host:port of its cluster listener.</summary>
    public string Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>A client attached to this silo: its calls start here and go wherever their grain lives.</summary>
    public IGrainFactory GrainFactory => App.Services.GetRequiredService<IGrainFactory>();

    internal WebApplication App { get; }

    public override string ToString() => $"{Name} ({Address})";
}
