using System.Net;
using System.Net.Sockets;
using Loyalty.Grains.Demo;
using Loyalty.Runtime.Postgres;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Demo;

/// <summary>Starting again after a crash: the crashed silo is still listed as active in the membership table.</summary>
public sealed class CrashedSiloStartTests
{
    [Fact]
    public async Task Startup_CrashedSiloStillListedActive_DeclaresItDeadAndSeedsTheDemo()
    {
        var crashed = Guid.NewGuid();
        var app = new WebApp(timeProvider: null, settings: null, seedDemo: true, prepareDatabase: async connectionString =>
        {
            await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync(connectionString, [MigrationSource.Runtime]);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var insert = dataSource.CreateCommand("""
                INSERT INTO silos (service_id, silo_id, name, address, generation, status, started_at, heartbeat_at, version)
                VALUES ('loyalty', $1, 'crashed-silo', $2, 1, 'active', now() - interval '1 hour', now() - interval '10 minutes', 2)
                """);
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = crashed });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"127.0.0.1:{ClosedPort()}" });
            await insert.ExecuteNonQueryAsync();
        });

        // Before the fix the seeder's first grain call went to the crashed silo while this one was still joining, and
        // only an active silo declares others dead: start-up failed when the call's deadline passed.
        await app.InitializeAsync();
        try
        {
            Assert.Equal(5L, await ScalarAsync(app, "SELECT count(*) FROM cards WHERE merchant_id = $1", DemoCatalog.MerchantId));
            Assert.Equal("dead", await ScalarAsync(app, "SELECT status FROM silos WHERE silo_id = $1", crashed));
            Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM silos WHERE status = 'active' AND silo_id <> $1", crashed));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
