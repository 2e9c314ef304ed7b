using System.Net;
using System.Net.Sockets;
using Loyalty.Grains.Demo;
using Loyalty.Web.Tests.Hosting;
using Npgsql;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Demo;

/// <summary>Starting again after a crash: the crashed silo is still listed as active in the membership table.</summary>
public sealed class CrashedSiloStartTests
{
    [Fact]
    public async Task Startup_CrashedSiloStillListedActive_DeclaresItDeadAndSeedsTheDemo()
    {
        var crashedPort = ClosedPort();
        var app = new WebApp(timeProvider: null, settings: null, seedDemo: true, prepareDatabase: async connectionString =>
        {
            // The database comes with Orleans' schema; the crashed silo's row says Active (3), its last heartbeat long ago.
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using (var version = dataSource.CreateCommand("INSERT INTO OrleansMembershipVersionTable (DeploymentId, Version) VALUES ('loyalty', 1)"))
            {
                await version.ExecuteNonQueryAsync();
            }

            await using var insert = dataSource.CreateCommand("""
                INSERT INTO OrleansMembershipTable
                    (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
                VALUES ('loyalty', '127.0.0.1', $1, 1, 'crashed-silo', 'crashed-host', 3, $2, now() - interval '1 hour', now() - interval '10 minutes')
                """);
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = crashedPort });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ClosedPort() });
            await insert.ExecuteNonQueryAsync();
        });

        // Before the fix the seeder's first grain call went to the crashed silo while this one was still joining, and
        // only an active silo declares others dead: start-up failed when the call's deadline passed.
        await app.InitializeAsync();
        try
        {
            Assert.Equal(5L, await ScalarAsync(app, "SELECT count(*) FROM cards WHERE merchant_id = $1", DemoCatalog.MerchantId));
            Assert.Equal(6, await ScalarAsync(app, "SELECT Status FROM OrleansMembershipTable WHERE Port = $1", crashedPort));
            Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3 AND Port <> $1", crashedPort));
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
