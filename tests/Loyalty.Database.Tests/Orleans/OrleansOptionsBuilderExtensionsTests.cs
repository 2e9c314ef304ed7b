using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Loyalty.Database.Tests.Orleans;

public sealed class OrleansOptionsBuilderExtensionsTests
{
    /// <summary>
    /// Pins the Orleans 10.4.2 behaviour that ConfigureFromLoyaltyDatabase works around: the silo's hosted service
    /// validates the ADO.NET options in its constructor, and the host constructs every hosted service before it
    /// starts the first, so options read from the started database fail even though the database starts first.
    /// </summary>
    [Fact]
    public async Task StartAsync_ClusteringConnectionStringReadFromTheDatabase_IsReadBeforeTheDatabaseStarts()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("options_order");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", connectionString)]);
        builder.AddLoyaltyDatabase();
        builder.UseOrleans(silo => silo.UseAdoNetClustering(options => options.Configure<LoyaltyDatabase>((o, database) =>
        {
            o.Invariant = OrleansOptionsBuilderExtensions.Invariant;
            o.ConnectionString = database.ConnectionString;
        })));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("The database is not started (or already stopped)", error.Message, StringComparison.Ordinal);
        Assert.False(host.Services.GetRequiredService<LoyaltyDatabase>().IsStarted);
    }

    [Fact]
    public void ConfigureFromLoyaltyDatabase_DatabaseNotRegistered_FailsNamingTheMissingCall()
    {
        var services = new ServiceCollection();
        services.AddOptions<AdoNetGrainStorageOptions>("store").ConfigureFromLoyaltyDatabase();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AdoNetGrainStorageOptions>>().Get("store"));

        Assert.Equal(
            "Orleans is configured to use the Loyalty database, but the database is not registered: call builder.AddLoyaltyDatabase() " +
            "(or services.AddLoyaltyDatabase(configuration)) in the same host.",
            error.Message);
    }

    [Fact]
    public async Task ConfigureFromLoyaltyDatabase_BeforeAndAfterTheDatabaseStarts_GivesOneDataSourceThatOpensOnlyOnceStarted()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("options_source");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Loyalty", connectionString)]);
        builder.AddLoyaltyDatabase();
        builder.Services.AddOptions<AdoNetReminderTableOptions>().ConfigureFromLoyaltyDatabase();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdoNetReminderTableOptions>>().Value;

        Assert.Equal(("Npgsql", null), (options.Invariant, options.ConnectionString));
        Assert.Throws<InvalidOperationException>(() => options.DataSource!.CreateConnection());
        await host.StartAsync();
        await using (var connection = await options.DataSource!.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM OrleansQuery";
            Assert.Equal(20L, await command.ExecuteScalarAsync());
        }

        await host.StopAsync();
    }
}
