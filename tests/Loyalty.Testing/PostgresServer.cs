using System.Text;
using Loyalty.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.Testing;

/// <summary>
/// One embedded PostgreSQL server per test process, started on first use in a fresh temp folder and stopped and
/// deleted when the process exits. Each test class takes its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public static class PostgresServer
{
    private const int MaxPrefixLength = 30;

    private static readonly Lazy<Task<EmbeddedPostgresServer>> Server =
        new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared server, started on the first call.</summary>
    public static Task<EmbeddedPostgresServer> GetAsync() => Server.Value;

    /// <summary>
    /// Creates a database with a unique name, applies the migrations (default: the orleans module) and returns
    /// its connection string.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string? prefix = null, IEnumerable<MigrationSource>? migrations = null)
    {
        var server = await Server.Value;
        var name = UniqueName(prefix);
        var admin = new NpgsqlConnectionStringBuilder(server.GetConnectionString("postgres")) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();

            // The name is built from [a-z0-9_] only (see UniqueName), so splicing it is safe.
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = server.GetConnectionString(name);
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, TimeProvider.System);
        await migrator.MigrateAsync(connectionString, migrations ?? [MigrationSource.Orleans]);
        return connectionString;
    }

    private static async Task<EmbeddedPostgresServer> StartAsync()
    {
        var directory = TemporaryDirectory.Create("loyalty-tests-postgres-");
        try
        {
            var server = await EmbeddedPostgresServer.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = directory.Path, DatabaseName = "postgres" },
                NullLogger.Instance);
            DirectoryReaper.DeleteAfterExit(directory.Path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(server, directory);
            return server;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static void StopAndDelete(EmbeddedPostgresServer server, TemporaryDirectory directory)
    {
        // Immediate: the cluster is thrown away, so a shutdown checkpoint would be wasted time. The test host is
        // often killed before this finishes; then the server's watchdog stops the server and the reaper deletes
        // the folder.
        server.StopImmediatelyAsync().GetAwaiter().GetResult();
        try
        {
            directory.Dispose();
        }
        catch (IOException)
        {
            // The reaper got there first.
        }
    }

    private static string UniqueName(string? prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_');
        }

        if (builder.Length == 0 || !char.IsAsciiLetterLower(builder[0]))
        {
            builder.Insert(0, 't');
        }

        var head = builder.Length > MaxPrefixLength ? builder.ToString(0, MaxPrefixLength) : builder.ToString();
        return $"{head}_{Guid.NewGuid():N}";
    }
}
