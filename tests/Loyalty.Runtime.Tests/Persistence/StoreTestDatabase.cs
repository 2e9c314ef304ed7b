using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Loyalty.Runtime.Persistence;
using Npgsql;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>
/// TEMPORARY - TO BE REPLACED AT MERGE by the shared embedded-PostgreSQL fixture of tests/Loyalty.Testing,
/// which did not exist on this branch yet. Starts a throwaway PostgreSQL 15 cluster (initdb + pg_ctl as the
/// postgres user, on a free port, in a temp folder), applies 0001_grain_state.sql from the runtime's embedded
/// migrations, and adds the tables the store tests write rows into.
/// </summary>
public sealed class StoreTestDatabase : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string TestTables = """
        CREATE TABLE test_ledger (
            grain_key text NOT NULL, entry_no int NOT NULL, amount bigint NOT NULL, note jsonb NULL,
            PRIMARY KEY (grain_key, entry_no));
        CREATE TABLE test_read_model (
            grain_key text PRIMARY KEY, balance bigint NOT NULL, updated_at timestamptz NOT NULL, tag text NULL);
        CREATE TABLE test_values (
            id uuid PRIMARY KEY, text_value text, int_value int, long_value bigint, bool_value boolean,
            instant timestamptz, amount numeric(12, 2), bytes bytea, document jsonb, missing text);
        """;

    private string _directory = string.Empty;
    private string _dataDirectory = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("loyalty-store-tests-").FullName;
        _dataDirectory = Path.Combine(_directory, "data");
        await RunAsync("chown", "postgres:postgres", _directory);
        await RunAsPostgresAsync("initdb", "-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        var port = FreePort();
        await RunAsPostgresAsync(
            "pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
            "start");

        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE loyalty_store_tests", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=loyalty_store_tests";
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var schema = DataSource.CreateCommand(ReadMigration("0001_grain_state.sql") + TestTables);
        await schema.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static string ReadMigration(string fileName)
    {
        var assembly = typeof(PostgresGrainStateStore).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments]);

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
