using Loyalty.Database;
using Loyalty.Grains.Hosting;
using Loyalty.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace Loyalty.Testing;

/// <summary>
/// An Orleans <see cref="InProcessTestCluster"/> (in-memory membership and transport) whose silos host this deployment's
/// grains as the product's hosts do (<c>AddLoyaltyDatabase</c>, <c>AddLoyaltyGrains</c>, <c>silo.AddLoyaltyStorage()</c>),
/// on a real PostgreSQL database of its own: card store, grain storage and reminders are the real ones. Use it as a
/// class fixture, or derive a fixture with other <see cref="LoyaltyTestClusterOptions"/>.
/// </summary>
/// <remarks>
/// With <see cref="LoyaltyTestClusterOptions.ManualClock"/>, the grains' <see cref="TimeProvider"/> is a
/// <see cref="ManualTimeProvider"/>, the reminder service's a <see cref="RunningClock"/> that follows it, and every other
/// Orleans area stays on real time. Orleans 10 takes each area's clock from a keyed <see cref="TimeProvider"/> that
/// defaults to the unkeyed one, so the manual clock registered alone would also drive membership, messaging time-outs,
/// the directory, activation collection and reminders, and its first advance would hang (see <see cref="RunningClock"/>);
/// <c>UseTimeProviderForBackgroundAreas</c> pins those back to real time. What still reads the unkeyed clock keeps the
/// manual one: grain timers (<c>TimeProviderNames.Grains</c>, also the silo's load publisher) and Orleans' watchdog,
/// which then logs "Participant check thread has not completed" warnings that mean nothing here.
/// </remarks>
public class LoyaltyTestCluster : IAsyncLifetime
{
    private readonly LoyaltyTestClusterOptions _options;
    private readonly RunningClock? _reminderClock;
    private InProcessTestCluster? _cluster;

    public LoyaltyTestCluster()
        : this(new LoyaltyTestClusterOptions())
    {
    }

    protected LoyaltyTestCluster(LoyaltyTestClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Clock = options.ManualClock ? new ManualTimeProvider(options.ClockStart) : null;
        _reminderClock = Clock is null ? null : new RunningClock(Clock);
    }

    /// <summary>
    /// The grains' clock, when the cluster runs on a manual one (the reminder service follows it on a
    /// <see cref="RunningClock"/>: advancing it brings reminders due).
    /// </summary>
    public ManualTimeProvider? Clock { get; }

    /// <summary>The manual clock; fails when the cluster runs on real time.</summary>
    public ManualTimeProvider Time => Clock ?? throw new InvalidOperationException("This cluster runs on real time (LoyaltyTestClusterOptions.ManualClock is false).");

    /// <summary>The cluster's database: the orleans and loyalty schemas, nothing else.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The test cluster's client (a separate host, connected to the silos' gateways).</summary>
    public IClusterClient Client => Cluster.Client;

    public IGrainFactory Grains => Client;

    /// <summary>The silos that have not been stopped or killed.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    /// <summary>The test cluster's client and each live silo's own grain factory: callers attached to different silos.</summary>
    public IReadOnlyList<IGrainFactory> Callers => [Client, .. Silos.Select(GrainsOn)];

    /// <summary>The grain factory of a silo: calls made through it leave from that silo.</summary>
    public static IGrainFactory GrainsOn(InProcessSiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.ServiceProvider.GetRequiredService<IGrainFactory>();
    }

    public async Task InitializeAsync()
    {
        ConnectionString = _options.ConnectionString ?? await PostgresServer.CreateDatabaseAsync(
            _options.DatabasePrefix,
            [MigrationSource.Orleans, new MigrationSource("loyalty", typeof(GrainServiceCollectionExtensions).Assembly)]);
        var builder = new InProcessTestClusterBuilder(_options.Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => ConfigureSiloHost(host));
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo));
        builder.ConfigureClient(client =>
        {
            if (_options.ResponseTimeout is { } timeout)
            {
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = timeout);
            }
        });
        _cluster = builder.Build();
        try
        {
            await _cluster.DeployAsync();
        }
        catch
        {
            await _cluster.DisposeAsync();
            _cluster = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }

    /// <summary>Kills <paramref name="silo"/> at once (no deactivations, no goodbye to the cluster), as a crash would.</summary>
    public Task KillSiloAsync(InProcessSiloHandle silo) => Cluster.KillSiloAsync(silo);

    /// <summary>
    /// Waits until every remaining silo sees exactly the remaining silos as active (a killed one is declared dead):
    /// from then on, grains of the killed silo activate on the survivors, and its reminders have new owners.
    /// </summary>
    public async Task WaitForMembershipAsync(TimeSpan? timeout = null)
    {
        var live = Silos.Select(s => s.SiloAddress).ToHashSet();
        await Eventually.TrueAsync(
            () => Silos.All(silo =>
            {
                var active = silo.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.SiloAddress);
                return live.SetEquals(active);
            }),
            "every silo sees the same active silos",
            timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs a query and returns its first column of its first row as a number (counts, sums, versions).</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and reads every row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private void ConfigureSiloHost(Microsoft.Extensions.Hosting.IHostApplicationBuilder host)
    {
        host.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", ConnectionString)]);
        if (Clock is { } clock)
        {
            // First, so that the TryAdd(TimeProvider.System) of the database and grain registrations find it.
            host.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        }

        host.AddLoyaltyDatabase();
        host.Services.Configure<DatabaseOptions>(o => o.MaxPoolSize = _options.MaxPoolSize);
        host.Services.AddLoyaltyGrains(host.Configuration);
        _options.ConfigureSiloHost?.Invoke(host);
    }

    private void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddLoyaltyStorage();
        silo.Configure<ReminderOptions>(o =>
        {
            // The card's point-expiry reminder ticks daily; tests may register shorter ones.
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            if (Clock is not null)
            {
                // Keep every reminder armed in memory from its registration: one due in 16 days of the manual clock
                // must tick when a test moves the clock there, not wait for a table refresh that comes after the jump
                // (a reminder loaded past its due time ticks at its next period).
                o.ReminderLoadingWindow = TimeSpan.FromDays(400);
            }
        });
        if (_reminderClock is { } reminderClock)
        {
            // Orleans' areas (membership, messaging, system timers, activation collection, directory, caches) on real
            // time. The reminders follow the manual clock, as the grains compute their due times from it, but on a
            // clock that keeps running (RunningClock explains why not on the frozen one).
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, reminderClock);
        }

        if (_options.ResponseTimeout is { } timeout)
        {
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = timeout);
        }

        if (_options.FastFailureDetection)
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }

        _options.ConfigureSilo?.Invoke(silo);
    }
}
