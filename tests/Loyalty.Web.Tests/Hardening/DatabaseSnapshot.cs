using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// Row count and content hash of every table the application writes: its own tables, admin tokens, Orleans' grain
/// states (PIN attempts, pairing codes, devices live there) and reminders. Only the membership tables are left out:
/// silos write their heartbeats there whatever the requests.
/// </summary>
internal sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    private static readonly string[] Ignored = ["orleansmembershiptable", "orleansmembershipversiontable"];

    // The statement per database: the tables do not change while a test runs.
    private static readonly ConcurrentDictionary<string, Task<string>> Statements = new(StringComparer.Ordinal);

    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        var sql = await Statements.GetOrAdd(connectionString, StatementAsync);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        while (await rows.ReadAsync())
            result[rows.GetString(0)] = (rows.GetInt64(1), rows.GetString(2));
        return new DatabaseSnapshot(result);
    }

    // One statement: each table's rows as text, hashed, in a stable order.
    private static async Task<string> StatementAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY table_name",
            connection);
        list.Parameters.Add(new NpgsqlParameter { Value = Ignored });
        var tables = new List<string>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return string.Join(
            " UNION ALL ",
            tables.Select(t => $"SELECT '{t}', count(*), md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), '')) FROM \"{t}\" r"));
    }

    /// <summary>The tables that differ, with their row counts before and after; empty when nothing changed.</summary>
    public string DifferenceFrom(DatabaseSnapshot before)
    {
        var text = new StringBuilder();
        foreach (var table in Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.Tables.GetValueOrDefault(table);
            var now = Tables.GetValueOrDefault(table);
            if (was != now)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{table} ({was.Rows} -> {now.Rows} rows) ");
        }

        return text.ToString().TrimEnd();
    }
}
