using Microsoft.Extensions.Logging;

namespace Loyalty.Database;

/// <summary>Runs initdb the first time a data directory is used.</summary>
internal static class ClusterInitializer
{
    // Tunables for a small machine shared by several silos and test runs. They go into postgresql.conf once, so
    // a developer may still change them there; what the embedding depends on is passed at each start instead.
    private const string Tunables = """

        # Added by Loyalty's embedded server. Listening and durability settings are passed on the command line
        # at each start (see EmbeddedPostgresServer); the values below are defaults you may change.
        max_connections = 200
        shared_buffers = 128MB
        timezone = 'UTC'
        log_timezone = 'UTC'
        """;

    /// <returns>True when a new cluster was created.</returns>
    public static async Task<bool> EnsureAsync(
        ClusterLayout layout,
        PostgresBinaries binaries,
        PostgresCommandRunner runner,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (layout.IsInitialized)
        {
            return false;
        }

        if (Directory.Exists(layout.Cluster))
        {
            // Never delete something that might be somebody's data; this state needs a human.
            throw new EmbeddedPostgresException(
                $"{layout.Cluster} exists but holds no PostgreSQL cluster (no PG_VERSION). Move it away or delete it.");
        }

        // initdb writes into a scratch folder that is renamed when complete, so an interrupted first start
        // leaves only scratch behind, which is safe to throw away here.
        if (Directory.Exists(layout.ClusterUnderConstruction))
        {
            Directory.Delete(layout.ClusterUnderConstruction, recursive: true);
        }

        logger.LogInformation("Creating a new PostgreSQL cluster in {DataDirectory}", layout.Cluster);
        var result = await runner.RunAsync(
            binaries.InitDb,
            [
                "--pgdata=" + layout.ClusterUnderConstruction,
                "--encoding=UTF8",

                // Byte-order collation (stable across machines and glibc upgrades) with Unicode-aware case
                // mapping; built into glibc since 2.35.
                "--locale=C.UTF-8",
                "--username=" + PostgresCommandRunner.ServiceUser,
                "--pwfile=" + layout.PasswordFile,
                "--auth=scram-sha-256",
            ],
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new EmbeddedPostgresException(
                $"initdb failed for {layout.ClusterUnderConstruction} (exit code {result.ExitCode}):{Environment.NewLine}{result.Output}");
        }

        await File.AppendAllTextAsync(
            Path.Combine(layout.ClusterUnderConstruction, "postgresql.conf"), Tunables + Environment.NewLine, cancellationToken);
        Directory.Move(layout.ClusterUnderConstruction, layout.Cluster);
        return true;
    }
}
