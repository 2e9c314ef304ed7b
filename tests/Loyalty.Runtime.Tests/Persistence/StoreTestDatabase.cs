using Loyalty.Testing;
using Npgsql;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>A database of its own for the store tests: the runtime's schema plus the tables test writes add rows to.</summary>
public sealed class StoreTestDatabase : IAsyncLifetime
{
    private const string TestTables = """
        CREATE TABLE test_ledger (
            grain_key text NOT NULL, entry_no int NOT NULL, amount bigint NOT NULL, note jsonb NULL,
            PRIMARY KEY (grain_key, entry_no));
        CREATE TABLE test_read_model (
            grain_key text PRIMARY KEY, balance bigint NOT NULL, updated_at timestamptz NOT NULL, tag text NULL);
        CREATE TABLE test_values (
            id uuid PRIMARY KEY, text_value text, int_value int, long_value bigint, bool_value boolean,
            instant timestamptz, amount numeric(12, 2), bytes bytea, document jsonb, missing text);
        CREATE TABLE test_accounts (
            account_key text PRIMARY KEY, payload text NULL, version bigint NOT NULL, modified_at timestamptz NOT NULL,
            balance bigint NOT NULL, owner text NULL);
        CREATE TABLE test_wallets (
            wallet_key text PRIMARY KEY, version bigint NOT NULL, modified_at timestamptz NOT NULL, changes text NULL,
            balance bigint NOT NULL, opened date NULL);
        CREATE TABLE test_wallet_snapshots (wallet_key text PRIMARY KEY, version bigint NOT NULL, payload text NULL);
        """;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("store");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var schema = DataSource.CreateCommand(TestTables);
        await schema.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
    }
}
