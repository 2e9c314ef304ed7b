using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Loyalty.Database.Tests.Fixtures;

/// <summary>
/// An in-process test cluster (in-memory membership and transport) whose grain storage and reminders are the real
/// Orleans ADO.NET providers on a database of its own, wired the way hosts wire them. One per test class.
/// </summary>
public sealed class DatabaseClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public string ConnectionString { get; private set; } = string.Empty;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory GrainFactory => Cluster.Client;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("cluster");
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", ConnectionString)]);
            host.AddLoyaltyDatabase();
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddLoyaltyDatabaseGrainStorageAsDefault()
            .UseLoyaltyDatabaseReminders()
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
