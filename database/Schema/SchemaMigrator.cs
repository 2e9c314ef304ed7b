using Microsoft.Extensions.Logging;
using Npgsql;

namespace Loyalty.Database;

/// <summary>
/// Applies the modules' versioned SQL migrations (see <see cref="MigrationSource"/>) and records them in
/// <c>schema_migrations</c>.
/// </summary>
/// <remarks>
/// Each migration runs in its own transaction together with its history row, so it is applied completely and
/// recorded, or not at all; scripts therefore must not contain their own transaction control or statements that
/// cannot run in a transaction (<c>create index concurrently</c>). Several processes may start at once: the whole
/// run holds an advisory lock, and the applied set is read only after the lock is taken.
/// </remarks>
public sealed class SchemaMigrator
{
    /// <summary>Advisory lock key held for a whole run; the bytes spell "LoyaltyM".</summary>
    internal const long AdvisoryLockKey = 0x4C6F_7961_6C74_794D;

    private const string CreateHistoryTable = """
        create table if not exists schema_migrations (
            module text not null,
            version int not null,
            name text not null,
            checksum text not null,
            applied_at timestamptz not null,
            primary key (module, version)
        )
        """;

    private readonly ILogger<SchemaMigrator> _logger;
    private readonly TimeProvider _timeProvider;

    public SchemaMigrator(ILogger<SchemaMigrator> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Applies the pending migrations of the sources, module by module in the given order.</summary>
    /// <returns>The migrations applied by this call, in the order applied (empty when the schema was current).</returns>
    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(
        string connectionString, IEnumerable<MigrationSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(sources);
        var migrations = LoadAll(sources);

        // Unpooled: closing the connection ends the session, which releases the advisory lock even when the
        // run fails half-way, and leaves no idle connections behind.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var lockConnection = new NpgsqlConnection(unpooled);
        await lockConnection.OpenAsync(cancellationToken);
        await AcquireLockAsync(lockConnection, cancellationToken);

        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateHistoryTable, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadAppliedAsync(connection, migrations.Select(m => m.Module).Distinct(), cancellationToken);
        var pending = SelectPending(migrations, applied);
        var result = new List<AppliedMigration>(pending.Count);
        foreach (var migration in pending)
        {
            await ApplyAsync(connection, migration, cancellationToken);
            result.Add(new AppliedMigration(migration.Module, migration.Version, migration.Name));
        }

        return result;
    }

    private static List<Migration> LoadAll(IEnumerable<MigrationSource> sources)
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var migrations = new List<Migration>();
        foreach (var source in sources)
        {
            if (!modules.Add(source.Module))
            {
                throw new SchemaMigrationException($"Module '{source.Module}' is listed twice among the migration sources.");
            }

            migrations.AddRange(source.Load());
        }

        return migrations;
    }

    private static async Task<Dictionary<(string Module, int Version), (string Name, string Checksum)>> ReadAppliedAsync(
        NpgsqlConnection connection, IEnumerable<string> modules, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select module, version, name, checksum from schema_migrations where module = any($1)", connection)
        {
            Parameters = { new() { Value = modules.ToArray() } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<(string, int), (string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[(reader.GetString(0), reader.GetInt32(1))] = (reader.GetString(2), reader.GetString(3));
        }

        return applied;
    }

    private List<Migration> SelectPending(
        List<Migration> migrations, Dictionary<(string Module, int Version), (string Name, string Checksum)> applied)
    {
        // Every applied script is checked before anything runs, so an edited one stops the run with nothing changed.
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue((migration.Module, migration.Version), out var recorded) && recorded.Checksum != migration.Checksum)
            {
                throw new SchemaMigrationException(
                    $"Migration {migration.Name} of module '{migration.Module}' changed after it was applied as {recorded.Name} " +
                    $"(checksum {recorded.Checksum} in the database, {migration.Checksum} now). Never edit an applied migration; add a new one.");
            }
        }

        var known = migrations.Select(m => (m.Module, m.Version)).ToHashSet();
        foreach (var unknown in applied.Keys.Where(key => !known.Contains(key)))
        {
            _logger.LogWarning(
                "The database has migration {Migration} of module {Module}, which this build does not know; it was applied by a newer build",
                applied[unknown].Name,
                unknown.Module);
        }

        return [.. migrations.Where(m => !applied.ContainsKey((m.Module, m.Version)))];
    }

    private async Task AcquireLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var tryLock = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection)
        {
            Parameters = { new() { Value = AdvisoryLockKey } },
        };
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
        {
            return;
        }

        _logger.LogInformation("Waiting for another process to finish migrating database {Database}", connection.Database);

        // No command timeout: the other run may apply long migrations; the caller's token bounds the wait.
        await using var waitForLock = new NpgsqlCommand("select pg_advisory_lock($1)", connection)
        {
            CommandTimeout = 0,
            Parameters = { new() { Value = AdvisoryLockKey } },
        };
        await waitForLock.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            // No command timeout: a schema change on a large table may take minutes.
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = 0 })
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                "insert into schema_migrations (module, version, name, checksum, applied_at) values ($1, $2, $3, $4, $5)",
                connection,
                transaction))
            {
                record.Parameters.Add(new() { Value = migration.Module });
                record.Parameters.Add(new() { Value = migration.Version });
                record.Parameters.Add(new() { Value = migration.Name });
                record.Parameters.Add(new() { Value = migration.Checksum });
                record.Parameters.Add(new() { Value = _timeProvider.GetUtcNow() });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new SchemaMigrationException(
                $"Migration {migration.Name} of module '{migration.Module}' failed and was rolled back: {ex.MessageText}", ex);
        }

        _logger.LogInformation(
            "Applied migration {Migration} of module {Module} in {ElapsedMs} ms",
            migration.Name,
            migration.Module,
            (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }
}
