using Loyalty.Database.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalty.Database.Tests.Schema;

public sealed class OrleansMigrationsTests
{
    private static readonly AppliedMigration[] OrleansModule =
    [
        new("orleans", 1, "0001_orleans_query.sql"),
        new("orleans", 2, "0002_clustering.sql"),
        new("orleans", 3, "0003_grain_storage.sql"),
        new("orleans", 4, "0004_reminders.sql"),
    ];

    // Every key the 10.4.2 providers require (DbStoredQueries; AdoNetGrainStorage's ReadFromStorageKey, WriteToStorageKey,
    // ClearStorageKey), plus CleanupDefunctSiloEntryKey, which clustering uses when present.
    private static readonly string[] QueryKeys =
    [
        "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
        "ClearStorageKey",
        "DeleteMembershipTableEntriesKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
        "GatewaysQueryKey",
        "InsertMembershipKey",
        "InsertMembershipVersionKey",
        "MembershipReadAllKey",
        "MembershipReadRowKey",
        "ReadFromStorageKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "ReadReminderRowsKey",
        "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey",
        "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    [Fact]
    public async Task MigrateAsync_OrleansModule_CreatesTheTablesAndEveryQueryKey()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("orleans_schema", []);

        var applied = await NewMigrator().MigrateAsync(connectionString, [MigrationSource.Orleans]);

        Assert.Equal(OrleansModule, applied);
        Assert.Equal(
            QueryKeys,
            await Sql.QueryAsync(connectionString, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", r => r.GetString(0)));
        Assert.Equal(
            ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage"],
            await Sql.QueryAsync(
                connectionString,
                "select table_name from information_schema.tables where table_schema = 'public' and table_name like 'orleans%' order by 1",
                r => r.GetString(0)));
    }

    [Fact]
    public async Task MigrateAsync_TwoMigratorsAtOnce_ApplyTheOrleansModuleExactlyOnce()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("orleans_concurrent", []);

        // Hold the migration lock so that both migrators are provably waiting on it before either may run.
        await using var blocker = await Sql.OpenAsync(connectionString);
        await ExecuteAsync(blocker, $"select pg_advisory_lock({SchemaMigrator.AdvisoryLockKey})");
        var first = NewMigrator().MigrateAsync(connectionString, [MigrationSource.Orleans]);
        var second = NewMigrator().MigrateAsync(connectionString, [MigrationSource.Orleans]);
        await Eventually.TrueAsync(
            async () => await CountLockWaitersAsync(connectionString) == 2,
            "both migrators wait for the migration lock");
        await ExecuteAsync(blocker, $"select pg_advisory_unlock({SchemaMigrator.AdvisoryLockKey})");

        var results = await Task.WhenAll(first, second);

        Assert.Equal([0, 4], results.Select(result => result.Count).Order());
        Assert.Equal(OrleansModule, results.Single(result => result.Count == 4));
        Assert.Equal(
            OrleansModule,
            await Sql.QueryAsync(
                connectionString,
                "select module, version, name from schema_migrations order by module, version",
                r => new AppliedMigration(r.GetString(0), r.GetInt32(1), r.GetString(2))));
        Assert.Equal([20L], await Sql.QueryAsync(connectionString, "SELECT count(*) FROM OrleansQuery", r => r.GetInt64(0)));
    }

    private static SchemaMigrator NewMigrator() => new(NullLogger<SchemaMigrator>.Instance, TimeProvider.System);

    private static async Task<long> CountLockWaitersAsync(string connectionString)
    {
        var waiting = await Sql.QueryAsync(
            connectionString,
            "select count(*) from pg_locks where locktype = 'advisory' and not granted " +
            "and database = (select oid from pg_database where datname = current_database())",
            r => r.GetInt64(0));
        return waiting.Single();
    }

    private static async Task ExecuteAsync(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
