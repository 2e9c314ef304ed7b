using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Grains.Storage;

/// <summary>
/// One statement for several card writes (distinct cards, the same read-model columns): every write stays conditional
/// on its own version, and its rows are inserted only if its card's row was written.
/// </summary>
/// <remarks>
/// <code>
/// WITH i AS (SELECT * FROM unnest($1, $2, $3, $5, …) AS i(card_number, state, expected, c0, …)),
/// updated AS (UPDATE cards AS t SET state = i.state, version = i.expected + 1, modified_at = $4, "merchant_id" = i.c0, …
///     FROM i WHERE i.expected > 0 AND t.card_number = i.card_number AND t.version = i.expected RETURNING t.card_number),
/// inserted AS (INSERT INTO cards AS t (card_number, state, version, modified_at, "merchant_id", …)
///     SELECT i.card_number, i.state, 1, $4, i.c0, … FROM i WHERE i.expected = 0
///     ON CONFLICT (card_number) DO NOTHING RETURNING t.card_number),
/// written AS (SELECT card_number FROM updated UNION ALL SELECT card_number FROM inserted),
/// rows0 AS (INSERT INTO "ledger_entries" (…) SELECT r.c0, … FROM unnest($n, …) AS r(card, c0, …)
///     WHERE r.card IN (SELECT card_number FROM written))
/// SELECT card_number FROM written
/// </code>
/// The cards it returns are the writes made; a write whose card is missing found another version (or, for a first
/// write, a row). Its text depends on the read-model columns, the row shapes present and which columns are null in
/// every write (a <c>NULL</c> literal): a handful of texts, each prepared once by Npgsql.
/// <para>PostgreSQL keeps this statement's generic plan by itself, whatever the batch size, so batches do not set
/// <c>plan_cache_mode</c> as the runtime's did (ADR 0014): with batches capped at 4, 2 and 1 write, pg_stat_statements
/// counted no planning at all in thousands of executions.</para>
/// </remarks>
internal static class CardStatement
{
    public static NpgsqlBatchCommand Create(IReadOnlyList<CardWrite> writes, DateTimeOffset modifiedAt)
    {
        var command = new NpgsqlBatchCommand();
        var parameters = command.Parameters;
        var first = writes[0];
        var cards = new string[writes.Count];
        var states = new string[writes.Count];
        var expected = new long[writes.Count];
        for (var w = 0; w < writes.Count; w++)
        {
            cards[w] = writes[w].CardNumber;
            states[w] = writes[w].StateJson;
            expected[w] = writes[w].ExpectedVersion;
        }

        var sql = new StringBuilder(4096);
        sql.Append("WITH i AS (SELECT * FROM unnest(")
            .AppendParameter(parameters, new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Text | NpgsqlDbType.Array, TypedValue = cards })
            .Append(", ")
            .AppendParameter(parameters, new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Jsonb | NpgsqlDbType.Array, TypedValue = states })
            .Append(", ")
            .AppendParameter(parameters, new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Bigint | NpgsqlDbType.Array, TypedValue = expected });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = modifiedAt.ToUniversalTime() });
        var modifiedAtParameter = parameters.Count;

        var columns = first.Columns;
        var hasArray = new bool[columns.Count];
        var values = new object?[writes.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            for (var w = 0; w < writes.Count; w++)
            {
                values[w] = writes[w].Columns[c].Value;
            }

            if (StorageValues.ToArray(values) is { } array)
            {
                sql.Append(", ").AppendParameter(parameters, array);
                hasArray[c] = true;
            }
        }

        sql.Append(") AS i(card_number, state, expected");
        for (var c = 0; c < columns.Count; c++)
        {
            if (hasArray[c])
            {
                sql.Append(", c").Append(c);
            }
        }

        sql.Append(")),\nupdated AS (UPDATE cards AS t SET state = i.state, version = i.expected + 1, modified_at = $").Append(modifiedAtParameter);
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(", \"").Append(columns[c].Key).Append("\" = ");
            AppendColumnValue(sql, hasArray, c);
        }

        sql.Append(" FROM i WHERE i.expected > 0 AND t.card_number = i.card_number AND t.version = i.expected RETURNING t.card_number),\n")
            .Append("inserted AS (INSERT INTO cards AS t (card_number, state, version, modified_at");
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(", \"").Append(columns[c].Key).Append('"');
        }

        sql.Append(") SELECT i.card_number, i.state, 1, $").Append(modifiedAtParameter);
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(", ");
            AppendColumnValue(sql, hasArray, c);
        }

        sql.Append(" FROM i WHERE i.expected = 0 ON CONFLICT (card_number) DO NOTHING RETURNING t.card_number),\n")
            .Append("written AS (SELECT card_number FROM updated UNION ALL SELECT card_number FROM inserted)");

        var groups = new List<RowGroup>();
        foreach (var write in writes)
        {
            foreach (var row in write.Rows)
            {
                RowGroup.Add(groups, row, write.CardNumber);
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            sql.Append(",\nrows").Append(g).Append(" AS (");
            groups[g].AppendInsert(sql, parameters, "written");
            sql.Append(')');
        }

        sql.Append("\nSELECT card_number FROM written");
        command.CommandText = sql.ToString();
        return command;
    }

    private static void AppendColumnValue(StringBuilder sql, bool[] hasArray, int column)
    {
        if (hasArray[column])
        {
            sql.Append("i.c").Append(column);
        }
        else
        {
            sql.Append("NULL");
        }
    }
}
