using Npgsql;

namespace Loyalty.Database;

/// <summary>One page of a list and the list's total, read in one round trip.</summary>
public static class PagedQuery
{
    /// <summary>
    /// Runs <paramref name="countSql"/> and <paramref name="rowsSql"/> as one batch. Both get the filter parameters
    /// (<paramref name="filter"/> makes a fresh set per statement); the rows statement also gets the page size and the
    /// offset as the next two parameters, for its <c>LIMIT</c> and <c>OFFSET</c>.
    /// </summary>
    public static async Task<(List<T> Items, long Total)> ReadAsync<T>(
        LoyaltyDatabase database,
        string countSql,
        string rowsSql,
        Func<IEnumerable<NpgsqlParameter>> filter,
        int page,
        int pageSize,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(read);
        await using var batch = database.DataSource.CreateBatch();
        var count = new NpgsqlBatchCommand(countSql);
        foreach (var parameter in filter())
            count.Parameters.Add(parameter);
        var rows = new NpgsqlBatchCommand(rowsSql);
        foreach (var parameter in filter())
            rows.Parameters.Add(parameter);
        rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (page - 1L) * pageSize });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return (items, total);
    }
}
