using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.Database.Tests.Schema;

public sealed class SchemaMigratorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static readonly AppliedMigration[] OrderedSet =
    [
        new(TestMigrations.Module, 1, "0001_create_cards.sql"),
        new(TestMigrations.Module, 2, "0002_seed_card.sql"),
        new(TestMigrations.Module, 3, "0003_add_points.sql"),
    ];

    [Fact]
    public async Task MigrateAsync_PendingMigrations_AppliesThemInVersionOrder()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrator_order", []);

        var applied = await NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);

        Assert.Equal(OrderedSet, applied);
        Assert.Equal(OrderedSet, await ReadHistoryAsync(connectionString));
        Assert.Equal([Now], await QueryAsync(connectionString, "select distinct applied_at from schema_migrations", r => r.GetFieldValue<DateTimeOffset>(0)));
        Assert.Equal(["1 first 0"], await QueryAsync(connectionString, "select id || ' ' || holder || ' ' || points from cards", r => r.GetString(0)));
    }

    [Fact]
    public async Task MigrateAsync_SchemaAlreadyCurrent_AppliesNothing()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrator_idempotent", []);
        await NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);

        var applied = await NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);

        Assert.Empty(applied);
        Assert.Equal(OrderedSet, await ReadHistoryAsync(connectionString));
        Assert.Equal([1L], await QueryAsync(connectionString, "select count(*) from cards", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task MigrateAsync_TwoMigratorsAtOnce_ApplyEachMigrationExactlyOnce()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrator_concurrent", []);

        // Hold the migration lock so that both migrators are provably waiting on it before either may run.
        await using var blocker = await OpenAsync(connectionString);
        await ExecuteAsync(blocker, $"select pg_advisory_lock({SchemaMigrator.AdvisoryLockKey})");
        var first = NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);
        var second = NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);
        await Eventually.TrueAsync(
            async () => await CountLockWaitersAsync(connectionString) == 2,
            "both migrators wait for the migration lock");
        await ExecuteAsync(blocker, $"select pg_advisory_unlock({SchemaMigrator.AdvisoryLockKey})");

        var results = await Task.WhenAll(first, second);

        Assert.Equal([0, 3], results.Select(result => result.Count).Order());
        Assert.Equal(OrderedSet, results.Single(result => result.Count == 3));
        Assert.Equal(OrderedSet, await ReadHistoryAsync(connectionString));
        Assert.Equal([1L], await QueryAsync(connectionString, "select count(*) from cards", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task MigrateAsync_AppliedMigrationEdited_ThrowsNamingTheFileAndAppliesNothing()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrator_edited", []);
        await NewMigrator().MigrateAsync(connectionString, [TestMigrations.Ordered]);

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => NewMigrator().MigrateAsync(connectionString, [TestMigrations.Edited]));

        Assert.StartsWith("Migration 0001_create_cards.sql of module 'cards' changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Never edit an applied migration; add a new one.", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrderedSet, await ReadHistoryAsync(connectionString));
        Assert.Equal(
            ["holder", "id", "points"],
            await QueryAsync(connectionString, "select column_name from information_schema.columns where table_name = 'cards' order by 1", r => r.GetString(0)));
    }

    [Fact]
    public async Task MigrateAsync_MigrationFails_RollsItBackAndKeepsTheEarlierOnes()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrator_failing", []);

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => NewMigrator().MigrateAsync(connectionString, [TestMigrations.Failing]));

        Assert.Equal(
            "Migration 0002_broken.sql of module 'cards' failed and was rolled back: relation \"no_such_table\" does not exist",
            error.Message);
        Assert.Equal([OrderedSet[0]], await ReadHistoryAsync(connectionString));
        Assert.Equal([false], await QueryAsync(connectionString, "select to_regclass('audit_log') is not null", r => r.GetBoolean(0)));
    }

    private static SchemaMigrator NewMigrator() => new(NullLogger<SchemaMigrator>.Instance, new FixedTimeProvider(Now));

    private static Task<List<AppliedMigration>> ReadHistoryAsync(string connectionString) =>
        QueryAsync(
            connectionString,
            "select module, version, name from schema_migrations order by module, version",
            r => new AppliedMigration(r.GetString(0), r.GetInt32(1), r.GetString(2)));

    private static async Task<long> CountLockWaitersAsync(string connectionString)
    {
        var waiting = await QueryAsync(
            connectionString,
            "select count(*) from pg_locks where locktype = 'advisory' and not granted " +
            "and database = (select oid from pg_database where datname = current_database())",
            r => r.GetInt64(0));
        return waiting.Single();
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // Unpooled: the blocker's session, and with it the advisory lock, ends when it is disposed.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
