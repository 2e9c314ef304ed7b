using Loyalty.Testing;
using Npgsql;

namespace Loyalty.Runtime.Tests;

/// <summary>A database of its own for one test class, with the runtime's schema and a ledger table for test grains.</summary>
public sealed class RuntimeDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("runtime");
        await ExecuteAsync("CREATE TABLE test_ledger (id bigserial PRIMARY KEY, grain_key text NOT NULL, count_after bigint NOT NULL, UNIQUE (grain_key, count_after))");
        await ExecuteAsync("CREATE TABLE test_counter_view (grain_key text PRIMARY KEY, count bigint NOT NULL)");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The counter value stored for a grain (what survives a crash), or -1 when nothing is stored.</summary>
    public async Task<long> StoredCountAsync(string grainType, string key)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (payload::jsonb->>'count')::bigint FROM grain_state WHERE grain_type = $1 AND grain_key = $2",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await command.ExecuteScalarAsync() is long count ? count : -1;
    }
}
