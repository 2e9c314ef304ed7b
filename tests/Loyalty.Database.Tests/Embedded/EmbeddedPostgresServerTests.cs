using System.Net;
using System.Net.Sockets;
using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.Database.Tests.Embedded;

public sealed class EmbeddedPostgresServerTests
{
    [Fact]
    public async Task StartAsync_FreshDataDirectory_ServesTheConfiguredDatabase()
    {
        using var directory = TemporaryDirectory.Create();

        await using var server = await StartAsync(directory.Path);

        Assert.Equal(
            ["1 loyalty on 127.0.0.1 scram-sha-256"],
            await QueryAsync(
                server.ConnectionString,
                "select 1 || ' ' || current_database() || ' ' || current_setting('fsync') || ' ' || current_setting('listen_addresses') " +
                "|| ' ' || current_setting('password_encryption')"));
        Assert.True(server.OwnsServer);
    }

    [Fact]
    public async Task StartAsync_SameDataDirectoryAfterStop_KeepsTheRows()
    {
        using var directory = TemporaryDirectory.Create();
        await using var first = await StartAsync(directory.Path);
        await ExecuteAsync(first.ConnectionString, "create table kept (id int primary key); insert into kept values (1), (2), (3)");
        await first.StopAsync();
        Assert.False(File.Exists(Path.Combine(first.DataDirectory, "cluster", "postmaster.pid")));

        await using var second = await StartAsync(directory.Path);

        Assert.Equal(["1,2,3"], await QueryAsync(second.ConnectionString, "select string_agg(id::text, ',' order by id) from kept"));
    }

    [Fact]
    public async Task StartAsync_ServerAlreadyRunningFromDataDirectory_ReusesItWithoutOwningIt()
    {
        using var directory = TemporaryDirectory.Create();
        await using var owner = await StartAsync(directory.Path);

        await using var reused = await StartAsync(directory.Path);
        await reused.StopAsync();

        Assert.False(reused.OwnsServer);
        Assert.Equal(owner.Port, reused.Port);
        Assert.Equal(["alive"], await QueryAsync(owner.ConnectionString, "select 'alive'"));
    }

    [Fact]
    public async Task StartAsync_MissingBinDirectory_ThrowsWithInstallHint()
    {
        using var directory = TemporaryDirectory.Create();
        var binDirectory = Path.Combine(directory.Path, "no-such-bin");

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresServer.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory.Path, "data"), BinDirectory = binDirectory },
            NullLogger.Instance));

        Assert.Equal(
            $"No PostgreSQL server binaries (pg_ctl, initdb, postgres) were found in the configured BinDirectory '{binDirectory}'. " +
            "Install PostgreSQL (`apt-get install postgresql`) or set `ConnectionStrings:Loyalty` to use an existing server.",
            error.Message);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "data")));
    }

    [Fact]
    public async Task StartAsync_FixedPortTaken_ThrowsWithTheServerLog()
    {
        using var directory = TemporaryDirectory.Create();
        var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        try
        {
            var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

            var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresServer.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = directory.Path, Port = port },
                NullLogger.Instance));

            Assert.StartsWith($"PostgreSQL did not start from {Path.Combine(directory.Path, "cluster")} on port {port}", error.Message, StringComparison.Ordinal);
            Assert.Contains($"could not bind IPv4 address \"127.0.0.1\": Address already in use", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            occupant.Stop();
        }
    }

    private static Task<EmbeddedPostgresServer> StartAsync(string dataDirectory) =>
        EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, NullLogger.Instance);

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
