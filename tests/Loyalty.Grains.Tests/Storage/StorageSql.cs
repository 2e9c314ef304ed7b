using Loyalty.Testing;
using Npgsql;

namespace Loyalty.Grains.Tests.Storage;

/// <summary>Reads the database directly, to check what the store committed.</summary>
internal static class StorageSql
{
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params object[] values) =>
        Convert.ToInt64(await ScalarAsync(dataSource, sql, values), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>How many transactions wrote the cards' current rows: one per batch that wrote any of them.</summary>
    public static Task<long> TransactionsAsync(NpgsqlDataSource dataSource, IEnumerable<string> cardNumbers) =>
        CountAsync(dataSource, "SELECT count(DISTINCT xmin::text) FROM cards WHERE card_number = ANY($1)", Texts([.. cardNumbers]));

    /// <summary>One text[] parameter (a string[] passed alone would be taken as the parameter list).</summary>
    public static object Texts(params string[] values) => values;

    /// <summary>Leaves <paramref name="count"/> idle connections in the pool (each has run a query).</summary>
    public static async Task FillPoolAsync(NpgsqlDataSource dataSource, int count)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => dataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in connections)
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Has the server end the sessions of <paramref name="application"/> (as a restart would) and waits until they are gone.</summary>
    public static async Task TerminateBackendsAsync(NpgsqlDataSource admin, string application, int expected)
    {
        Assert.Equal(expected, await CountAsync(admin, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", application));
        await Eventually.TrueAsync(
            async () => await CountAsync(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", application) == 0,
            "the server ended the sessions");
    }

    /// <summary>
    /// Holds a row lock on a card in a transaction of its own, so that the store's next batch writing that card waits in
    /// PostgreSQL until the lock is released: the writes queued meanwhile form the batch after it.
    /// </summary>
    public static async Task<CardRowLock> LockCardAsync(NpgsqlDataSource dataSource, string cardNumber)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid() FROM cards WHERE card_number = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        var pid = (int)(await command.ExecuteScalarAsync())!;
        return new CardRowLock(dataSource, connection, transaction, pid);
    }

    public sealed class CardRowLock(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction, int pid) : IAsyncDisposable
    {
        /// <summary>Waits until another session waits for this lock.</summary>
        public Task WaitUntilBlockingAsync() => Eventually.TrueAsync(
            async () => await CountAsync(dataSource, "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid) > 0,
            "a batch waits for the card's row lock");

        /// <summary>Releases the lock (the locking transaction changed nothing).</summary>
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
