using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Loyalty.Runtime.Reminders;
using Npgsql;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>
/// TEMPORARY, to be replaced by the shared embedded PostgreSQL fixture of tests/Loyalty.Testing at merge.
/// Starts a throwaway PostgreSQL 15 server (initdb + pg_ctl, as the postgres user when running as root) on a
/// free loopback port in a temp directory, and creates the reminders table from the embedded 0002 migration.
/// </summary>
public sealed class ReminderTestDatabase : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string MigrationSuffix = "0002_reminders.sql";
    private const UnixFileMode AllAccess = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "loyalty-reminder-tests-" + Guid.NewGuid().ToString("N"));
    private bool _started;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);

        // The server runs as postgres and keeps its socket here; PostgreSQL binaries exist only on Unix anyway.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_root, AllAccess);
        }

        var dataDirectory = Path.Combine(_root, "data");
        var port = FindFreePort();
        await RunAsync("initdb", "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await RunAsync(
            "pg_ctl", "-D", dataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        _started = true;

        var server = $"Host=127.0.0.1;Port={port};Username=postgres";
        await using (var admin = NpgsqlDataSource.Create(server + ";Database=postgres"))
        {
            await admin.CreateCommand("CREATE DATABASE reminder_tests").ExecuteNonQueryAsync();
        }

        DataSource = NpgsqlDataSource.Create(server + ";Database=reminder_tests");
        await using var migrate = DataSource.CreateCommand(ReadMigration());
        await migrate.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_started)
        {
            await RunAsync("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_root, recursive: true);
    }

    private static string ReadMigration()
    {
        var assembly = typeof(PostgresReminderTable).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(MigrationSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(BinDirectory, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(BinDirectory, tool) })
            {
                start.ArgumentList.Add(prefix);
            }
        }

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
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
