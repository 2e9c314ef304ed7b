using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Database;

/// <summary>
/// A private PostgreSQL server started from the locally installed binaries, used when no
/// <c>ConnectionStrings:Loyalty</c> is configured. Its data survives restarts.
/// </summary>
/// <remarks>
/// <para>When this process is root the server runs as the <c>postgres</c> system user (PostgreSQL refuses root);
/// if that user cannot reach the data directory, the data moves to <c>/var/lib/loyalty/&lt;name&gt;-&lt;hash&gt;</c>
/// and a warning says so.</para>
/// <para>If a server from the same data directory is already running (another process of ours uses it), it is
/// reused rather than stopped: stopping it would pull the database from under that process. A reused server is
/// not ours to stop; it lives as long as the process that started it. A stale postmaster.pid left by a crash
/// (its process is gone, a zombie, or a reused pid) is removed and the server started again.</para>
/// <para>A started server is stopped by <see cref="StopAsync"/>, and by a watchdog when this process dies first.</para>
/// </remarks>
public sealed class EmbeddedPostgresServer : IAsyncDisposable
{
    private const string ListenAddress = "127.0.0.1";
    private const int StartAttempts = 5;
    private const int PgCtlTimeoutSeconds = 120;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(50);

    // The server runs in real time, so waits use the system clock rather than an injected one.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly PostgresBinaries _binaries;
    private readonly ClusterLayout _layout;
    private readonly PostgresCommandRunner _runner;
    private readonly string _password;
    private readonly ILogger _logger;
    private readonly ServerWatchdog? _watchdog;
    private int _stopped;

    private EmbeddedPostgresServer(
        PostgresBinaries binaries,
        ClusterLayout layout,
        PostgresCommandRunner runner,
        string password,
        int port,
        string databaseName,
        ServerWatchdog? watchdog,
        ILogger logger)
    {
        _binaries = binaries;
        _layout = layout;
        _runner = runner;
        _password = password;
        _watchdog = watchdog;
        _logger = logger;
        Port = port;
        ConnectionString = GetConnectionString(databaseName);
    }

    /// <summary>Connection string to the configured database (created when it was missing).</summary>
    public string ConnectionString { get; }

    /// <summary>Loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The folder that holds the cluster, its log and its password file, after any relocation.</summary>
    public string DataDirectory => _layout.Root;

    /// <summary>False when an already running server was reused; <see cref="StopAsync"/> then leaves it running.</summary>
    public bool OwnsServer => _watchdog is not null;

    public static async Task<EmbeddedPostgresServer> StartAsync(
        EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var validation = new EmbeddedPostgresOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EmbeddedPostgresOptions), validation.Failures);
        }

        var started = Clock.GetTimestamp();
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var runner = await PostgresCommandRunner.CreateAsync(cancellationToken);
        var layout = await DataDirectoryPreparer.PrepareAsync(options.DataDirectory, runner, logger, cancellationToken);
        var password = await SuperuserPassword.LoadOrCreateAsync(layout, runner, cancellationToken);
        await ClusterInitializer.EnsureAsync(layout, binaries, runner, logger, cancellationToken);

        var server = await ReuseRunningAsync(binaries, layout, runner, password, options, logger, cancellationToken)
            ?? await StartOwnAsync(binaries, layout, runner, password, options, logger, cancellationToken);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
            await server.EnsureDatabaseAsync(options.DatabaseName, cancellationToken);
        }
        catch
        {
            await server.StopAsync(CancellationToken.None);
            throw;
        }

        logger.LogInformation(
            "Embedded PostgreSQL {Version} ready on {Address}:{Port} (database {Database}, data in {DataDirectory}, run as {User}) in {ElapsedMs} ms",
            layout.ReadMajorVersion(),
            ListenAddress,
            server.Port,
            options.DatabaseName,
            layout.Root,
            runner.RunsAsServiceUser ? PostgresCommandRunner.ServiceUser : Environment.UserName,
            (long)Clock.GetElapsedTime(started).TotalMilliseconds);
        return server;
    }

    /// <summary>Connection string to another database on this server (for example one per test class).</summary>
    public string GetConnectionString(string databaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = ListenAddress,
        Port = Port,
        Username = PostgresCommandRunner.ServiceUser,
        Password = _password,
        Database = databaseName,
    }.ConnectionString;

    /// <summary>Stops the server (fast shutdown: open transactions roll back) unless it was reused. Idempotent.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync("fast", cancellationToken);

    /// <summary>
    /// Stops the server at once, without a shutdown checkpoint, as a crash would (the next start recovers from the
    /// WAL). For throwaway test clusters and for tests of what survives a database crash.
    /// </summary>
    public Task StopImmediatelyAsync(CancellationToken cancellationToken = default) => StopCoreAsync("immediate", cancellationToken);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopCoreAsync(string mode, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _watchdog is null)
        {
            return;
        }

        // Pooled connections to a stopped server are dead; a later server on the same port must not get them.
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var started = Clock.GetTimestamp();
        var logOffset = ServerLog.CurrentLength(_layout.ServerLog);
        try
        {
            var result = await _runner.RunAsync(
                _binaries.PgCtl,
                ["stop", "-D", _layout.Cluster, "-m", mode, "-w", "-t", PgCtlTimeoutSeconds.ToString(CultureInfo.InvariantCulture)],
                cancellationToken);
            if (!result.Succeeded && File.Exists(_layout.PostmasterPidFile))
            {
                throw new EmbeddedPostgresException(
                    $"pg_ctl stop failed for {_layout.Cluster} (exit code {result.ExitCode}): {result.Output}{Environment.NewLine}" +
                    $"Server log ({_layout.ServerLog}):{Environment.NewLine}{ServerLog.ReadSince(_layout.ServerLog, logOffset)}");
            }
        }
        finally
        {
            _watchdog.Dispose();
        }

        _logger.LogInformation(
            "Embedded PostgreSQL on port {Port} stopped ({Mode} shutdown) in {ElapsedMs} ms",
            Port,
            mode,
            (long)Clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<EmbeddedPostgresServer?> ReuseRunningAsync(
        PostgresBinaries binaries,
        ClusterLayout layout,
        PostgresCommandRunner runner,
        string password,
        EmbeddedPostgresOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.PostmasterPidFile))
        {
            return null;
        }

        var pidFile = PostmasterPidFile.TryRead(layout.PostmasterPidFile);
        if (pidFile is null)
        {
            // Unreadable or half-written: leave the judgement to PostgreSQL, whose error then shows in the log.
            return null;
        }

        var running = PostmasterProcess.IsRunning(pidFile.ProcessId)
            ?? (await runner.RunAsync(binaries.PgCtl, ["status", "-D", layout.Cluster], cancellationToken)).Succeeded;
        if (!running)
        {
            // Left by a crash. Removed here because PostgreSQL would refuse to start while the pid still looks alive.
            logger.LogWarning(
                "Removing the stale postmaster.pid in {DataDirectory}: its server (pid {ProcessId}) no longer runs",
                layout.Cluster,
                pidFile.ProcessId);
            File.Delete(layout.PostmasterPidFile);
            return null;
        }

        if (options.Port != 0 && options.Port != pidFile.Port)
        {
            throw new EmbeddedPostgresException(
                $"A server from {layout.Cluster} already runs (pid {pidFile.ProcessId}) on port {pidFile.Port}, not on the configured port {options.Port}.");
        }

        logger.LogInformation(
            "Reusing the PostgreSQL server (pid {ProcessId}) already running from {DataDirectory} on port {Port}; the process that started it will stop it",
            pidFile.ProcessId,
            layout.Root,
            pidFile.Port);
        return new EmbeddedPostgresServer(binaries, layout, runner, password, pidFile.Port, options.DatabaseName, null, logger);
    }

    private static async Task<EmbeddedPostgresServer> StartOwnAsync(
        PostgresBinaries binaries,
        ClusterLayout layout,
        PostgresCommandRunner runner,
        string password,
        EmbeddedPostgresOptions options,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ServerLog.RotateIfLarge(layout.ServerLog);
        for (var attempt = 1; ; attempt++)
        {
            // A port found free may be taken before the server binds it; then another one is tried.
            var port = options.Port != 0 ? options.Port : LoopbackPort.FindFree();
            var logOffset = ServerLog.CurrentLength(layout.ServerLog);
            var result = await runner.RunAsync(
                binaries.PgCtl,
                [
                    "start", "-D", layout.Cluster, "-l", layout.ServerLog, "-w",
                    "-t", PgCtlTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                    "-o", ServerArguments(port),
                ],
                cancellationToken);
            var pidFile = PostmasterPidFile.TryRead(layout.PostmasterPidFile);
            if (result.Succeeded && pidFile is not null)
            {
                var watchdog = ServerWatchdog.Start(binaries, layout, runner, pidFile.ProcessId);
                return new EmbeddedPostgresServer(binaries, layout, runner, password, port, options.DatabaseName, watchdog, logger);
            }

            var log = ServerLog.ReadSince(layout.ServerLog, logOffset);
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
            if (portTaken && options.Port == 0 && attempt < StartAttempts)
            {
                logger.LogWarning("Port {Port} was taken before PostgreSQL could bind it; trying another port", port);
                continue;
            }

            throw new EmbeddedPostgresException(
                $"PostgreSQL did not start from {layout.Cluster} on port {port} (pg_ctl exit code {result.ExitCode}): {result.Output}" +
                $"{Environment.NewLine}Server log ({layout.ServerLog}):{Environment.NewLine}{log}");
        }
    }

    private static string ServerArguments(int port) =>
        string.Join(
            ' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            $"-c listen_addresses={ListenAddress}",

            // No Unix socket: all clients use TCP, and socket paths under deep data directories exceed the
            // 107-byte limit.
            "-c unix_socket_directories=''",

            // Acknowledged writes must survive a crash (invariant 1), whatever postgresql.conf says.
            "-c fsync=on",
            "-c full_page_writes=on",
            "-c synchronous_commit=on");

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var adminConnectionString = AdminConnectionString();
        var deadline = Clock.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Clock.TimestampFrequency);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(adminConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && Clock.GetTimestamp() < deadline)
            {
                // Starting up or recovering after a crash; poll until the deadline.
                await Task.Delay(ReadyPollInterval, Clock, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new EmbeddedPostgresException(
                    $"PostgreSQL on port {Port} did not accept connections within {ReadyTimeout.TotalSeconds} s. " +
                    $"Server log ({_layout.ServerLog}):{Environment.NewLine}{ServerLog.ReadSince(_layout.ServerLog, 0)}",
                    ex);
            }
        }
    }

    // Refused connections and "the database system is starting up" pass; a wrong password or the like does not.
    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.CannotConnectNow,
        NpgsqlException or TimeoutException => true,
        _ => false,
    };

    private async Task EnsureDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new() { Value = databaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            // The name passed EmbeddedPostgresOptionsValidator: a plain identifier, safe to splice.
            await using var create = new NpgsqlCommand($"create database \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _logger.LogInformation("Created database {Database}", databaseName);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process sharing this server created it at the same moment.
        }
    }

    // Unpooled, so that administrative connections never linger in a pool after the server stops.
    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false }.ConnectionString;
}
