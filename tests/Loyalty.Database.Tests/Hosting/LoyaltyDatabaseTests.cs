using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Loyalty.Database.Tests.Hosting;

public sealed class LoyaltyDatabaseTests
{
    [Fact]
    public async Task AddLoyaltyDatabase_AfterAnotherHostedService_StartsBeforeIt()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("first_hosted");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", connectionString)]);
        builder.Services.AddSingleton<DatabaseProbe>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseProbe>());
        builder.AddLoyaltyDatabase();
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(20L, host.Services.GetRequiredService<DatabaseProbe>().QueryCount);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_ConfiguredConnectionString_ExposesItWithThisProcesssPoolSettings()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("connection_string");
        using var host = BuildHost(new() { ["ConnectionStrings:Loyalty"] = connectionString });
        var database = host.Services.GetRequiredService<LoyaltyDatabase>();

        await host.StartAsync();

        var expected = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 50, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        Assert.Equal(expected.ConnectionString, database.ConnectionString);
        Assert.Contains("Maximum Pool Size=50", database.ConnectionString, StringComparison.Ordinal);
        Assert.False(database.IsEmbedded);
        await host.StopAsync();
        Assert.Throws<InvalidOperationException>(() => database.ConnectionString);
    }

    [Fact]
    public async Task StartAsync_NoConnectionString_StartsAnEmbeddedServerWithTheOrleansSchemaAndStopsIt()
    {
        using var directory = TemporaryDirectory.Create();
        using var host = BuildHost(new() { ["Loyalty:DataDirectory"] = directory.Path });
        var database = host.Services.GetRequiredService<LoyaltyDatabase>();

        await host.StartAsync();

        Assert.True(database.IsEmbedded);
        Assert.Equal(
            ["loyalty 20"],
            await Sql.QueryAsync(database.ConnectionString, "SELECT current_database() || ' ' || count(*) FROM OrleansQuery", r => r.GetString(0)));
        await host.StopAsync();
        Assert.False(File.Exists(Path.Combine(directory.Path, "postgres", "cluster", "postmaster.pid")));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddLoyaltyDatabase();
        return builder.Build();
    }

    /// <summary>A hosted service registered before the database that uses it when it starts.</summary>
    private sealed class DatabaseProbe(LoyaltyDatabase database) : IHostedService
    {
        public long QueryCount { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM OrleansQuery");
            QueryCount = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
