using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Tests.Membership;

/// <summary>
/// Silos of one service id (unique per test, so tests sharing a database never see each other's silos) on one
/// database and one manual clock, stepped a heartbeat period at a time.
/// </summary>
internal sealed class MembershipCluster : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<TestSilo> _silos = [];
    private readonly HashSet<TestSilo> _killed = [];
    private readonly NpgsqlDataSource _dataSource;

    public MembershipCluster(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = connectionString;
        ServiceId = $"m{Guid.NewGuid():N}"[..16];
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Loyalty:Runtime:ServiceId"] = ServiceId,
        };
        _dataSource = NpgsqlDataSource.Create(connectionString);
        Table = new PostgresMembershipTable(_dataSource, Options.Create(new MembershipOptions { ServiceId = ServiceId }));
    }

    public string ServiceId { get; }

    public ManualTimeProvider Time { get; } = new();

    public GrainProbe Probe { get; } = new();

    /// <summary>The service's rows, read directly (not through any silo).</summary>
    internal PostgresMembershipTable Table { get; }

    public async Task<TestSilo> StartSiloAsync(Action<IServiceCollection>? configureServices = null)
    {
        var silo = await TestSilo.StartAsync(_connectionString, typeof(CounterGrain).Assembly, Time, _settings, s =>
        {
            s.AddSingleton(Probe);
            configureServices?.Invoke(s);
        });
        _silos.Add(silo);
        return silo;
    }

    internal static MembershipService Service(TestSilo silo) => silo.Services.GetRequiredService<MembershipService>();

    internal static ClusterMembership View(TestSilo silo) => silo.Services.GetRequiredService<ClusterMembership>();

    public static Guid Id(TestSilo silo) => View(silo).LocalSiloId;

    /// <summary>Simulates a crash of the silo's membership: no more heartbeats, no status change.</summary>
    public async Task KillAsync(TestSilo silo)
    {
        _killed.Add(silo);
        await Service(silo).KillAsync();
    }

    /// <summary>Moves the clock one heartbeat period at a time, waiting each time until every heartbeating silo's pass ran.</summary>
    public async Task StepAsync(TimeSpan by)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < by; elapsed += HeartbeatPeriod)
        {
            var running = _silos.Where(s => !_killed.Contains(s) && View(s).LocalStatus != SiloStatus.Dead).ToList();
            var before = running.Select(s => Service(s).HeartbeatPasses).ToList();
            Time.Advance(HeartbeatPeriod);
            await Eventually.TrueAsync(
                () => running.Select((s, i) => Service(s).HeartbeatPasses > before[i]).All(passed => passed),
                "every running silo ran its heartbeat pass");
        }
    }

    public async Task<SiloEntry> RowAsync(TestSilo silo) =>
        (await Table.ReadAllAsync(CancellationToken.None)).Single(s => s.SiloId == Id(silo));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _dataSource.DisposeAsync();
    }
}
