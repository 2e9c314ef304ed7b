using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Builds the single statement that performs one <see cref="StateWrite"/>: a CTE <c>s</c> that makes the
/// conditional state write, one CTE per <see cref="StorageRow"/> that runs only if <c>s</c> wrote, and a
/// final SELECT that returns <c>(version, true)</c> when the state was written, or <c>(stored version,
/// false)</c> / no row when the version had moved on. Parameters are positional. In <c>grain_state</c>: $1-$4 the
/// key, $5 the payload, $6 modified_at, $7 the expected version (updates only). In a state table of its own: $1 the
/// key, $2 the payload (or the snapshot, or the change), $3 modified_at, $4 the expected version (updates only), then
/// the state's derived columns.
/// Then the rows' values in order.
/// </summary>
internal static class StateWriteCommands
{
    private const string KeyMatch = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    private const string InsertState =
        "WITH s AS (INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version, modified_at) " +
        "VALUES ($1, $2, $3, $4, $5, 1, $6) " +
        "ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING RETURNING version)";

    private const string UpdateState =
        "WITH s AS (UPDATE grain_state SET payload = $5, version = $7 + 1, modified_at = $6 " +
        "WHERE " + KeyMatch + " AND version = $7 RETURNING version)";

    // The second branch only runs when s wrote nothing (a one-time filter), so the success path pays no extra lookup.
    private const string Outcome =
        " SELECT version, true FROM s UNION ALL SELECT version, false FROM grain_state " +
        "WHERE NOT EXISTS (SELECT 1 FROM s) AND " + KeyMatch;

    private const string InsertOnly = InsertState + Outcome;
    private const string UpdateOnly = UpdateState + Outcome;

    // A statement's text depends only on its write's shape, and a grain type writes a handful of shapes: each text is
    // kept once and found again by the characters just built, so a write does not allocate its ~1.5 KB text anew.
    private const int MaxKeptTexts = 1024;
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TextsBySpan =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    public static NpgsqlBatchCommand Create(StateWrite write, string serviceId, DateTimeOffset modifiedAt)
    {
        var isInsert = write.ExpectedVersion == 0;
        var parts = Parts(write.Rows);
        var command = new NpgsqlBatchCommand(write.Rows.Count == 0 && write.Key.Table is null
            ? (isInsert ? InsertOnly : UpdateOnly)
            : BuildText(write, isInsert, parts));

        var parameters = command.Parameters;
        if (write.Key.Table is null)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            parameters.Add(new NpgsqlParameter<string> { TypedValue = write.Key.GrainId.Type });
        }

        parameters.Add(new NpgsqlParameter<string> { TypedValue = write.Key.GrainId.Key });
        if (write.Key.Table is null)
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = write.Key.StateName });
        }

        parameters.Add((write.Change ?? write.Payload) is not { } text
            ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value }
            : new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = text });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = modifiedAt.ToUniversalTime() });
        if (!isInsert)
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = write.ExpectedVersion });
        }

        foreach (var (_, value) in write.Columns)
        {
            parameters.Add(StorageValues.ToParameter(value));
        }

        foreach (var part in parts)
        {
            if (part.Columns is { } columns)
            {
                AddArrays(parameters, columns);
                continue;
            }

            var values = part.Rows[0].Values;
            for (var v = 0; v < values.Count; v++)
            {
                parameters.Add(StorageValues.ToParameter(values[v].Value));
            }
        }

        return command;
    }

    /// <summary>
    /// The rows of a write as statement parts: rows of one shape (table, columns, conflict key) together as one
    /// <c>unnest</c> insert when there are several and their columns map to arrays, else one part per row. The statement
    /// text then depends on which shapes a write holds, not on how many rows: a coalesced write of a hot card holds dozens.
    /// </summary>
    private static List<RowPart> Parts(IReadOnlyList<StorageRow> rows)
    {
        var groups = new List<List<StorageRow>>();
        foreach (var row in rows)
        {
            var group = groups.Find(candidate => candidate[0].HasShapeOf(row));
            if (group is null)
            {
                groups.Add([row]);
            }
            else
            {
                group.Add(row);
            }
        }

        var parts = new List<RowPart>(groups.Count);
        foreach (var group in groups)
        {
            if (group.Count > 1 && StorageColumns.TryCreate(group) is { } columns && Array.Exists(columns, column => column is not null))
            {
                parts.Add(new RowPart(group, columns));
                continue;
            }

            foreach (var row in group)
            {
                parts.Add(new RowPart([row], null));
            }
        }

        return parts;
    }

    // Row shapes vary per grain, so the text is built per write; it is deterministic for a given shape,
    // which keeps it equal across writes for the server's and Npgsql's statement caches.
    private static string BuildText(StateWrite write, bool isInsert, List<RowPart> parts)
    {
        var sql = _cachedBuilder ??= new StringBuilder(1024);
        sql.Clear();
        var parameter = AppendState(sql, write, isInsert);
        for (var r = 0; r < parts.Count; r++)
        {
            var row = parts[r].Rows[0];
            sql.Append(", r").Append(r).Append(" AS (INSERT INTO ").Append('"').Append(row.Table).Append('"').Append(" (");
            AppendColumns(sql, row.Values);
            sql.Append(") SELECT ");
            if (parts[r].Columns is { } columns)
            {
                AppendUnnest(sql, columns, ref parameter);
            }
            else
            {
                for (var v = 0; v < row.Values.Count; v++)
                {
                    sql.Append(v == 0 ? "$" : ", $").Append(parameter++);
                }
            }

            sql.Append(" WHERE EXISTS (SELECT 1 FROM s)");
            if (row.ConflictColumns is { } conflict)
            {
                AppendConflictClause(sql, row.Values, conflict);
            }

            sql.Append(')');
        }

        if (write.Key.Table is { } table)
        {
            AppendTableOutcome(sql, table);
        }
        else
        {
            sql.Append(Outcome);
        }

        var text = Kept(sql);
        if (sql.Capacity > 16 * 1024)
        {
            _cachedBuilder = null;
        }

        return text;
    }

    /// <summary>The text built in <paramref name="sql"/>, as the string kept for it when there is one.</summary>
    internal static string Kept(StringBuilder sql)
    {
        // A reused builder holds its text in one chunk (clearing it merges its chunks); a first, grown one may not.
        var chunks = 0;
        ReadOnlyMemory<char> only = default;
        foreach (var chunk in sql.GetChunks())
        {
            only = chunk;
            if (++chunks > 1)
            {
                break;
            }
        }

        if (chunks == 1 && TextsBySpan.TryGetValue(only.Span, out var kept))
        {
            return kept;
        }

        var text = sql.ToString();
        if (Texts.Count < MaxKeptTexts)
        {
            Texts.TryAdd(text, text);
        }

        return text;
    }

    /// <summary>The CTE <c>s</c> that writes the state; returns the number of the first parameter after its own.</summary>
    private static int AppendState(StringBuilder sql, StateWrite write, bool isInsert)
    {
        if (write.Key.Table is not { } table)
        {
            sql.Append(isInsert ? InsertState : UpdateState);
            return isInsert ? 7 : 8;
        }

        // Stored as changes since a snapshot: the state's row holds the changes, the snapshot table the state ($2). The
        // newest change goes first: the row's end is then the same before and after, and PostgreSQL logs only what lies
        // between the first and the last byte an update changed (for an update within the page), not the changes so far.
        var snapshots = table.SnapshotTable;
        var parameter = isInsert ? 4 : 5;
        var columns = write.Columns;
        if (isInsert)
        {
            sql.Append("WITH s AS (INSERT INTO \"").Append(table.Table).Append("\" (\"").Append(table.KeyColumn)
                .Append(snapshots is null ? "\", \"payload\", \"version\", \"modified_at\"" : "\", \"version\", \"modified_at\"");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(", \"").Append(columns[c].Key).Append('"');
            }

            sql.Append(snapshots is null ? ") VALUES ($1, $2, 1, $3" : ") VALUES ($1, 1, $3");
            for (var c = 0; c < columns.Count; c++)
            {
                sql.Append(", $").Append(parameter++);
            }

            sql.Append(") ON CONFLICT (\"").Append(table.KeyColumn).Append("\") DO NOTHING RETURNING \"version\")");
            AppendSnapshot(sql, table, "1");
            return parameter;
        }

        sql.Append("WITH s AS (UPDATE \"").Append(table.Table).Append("\" SET ")
            .Append(snapshots is null ? "\"payload\" = $2" : write.Change is null ? "\"changes\" = NULL" : "\"changes\" = $2 || E'\\n' || COALESCE(\"changes\", '')")
            .Append(", \"version\" = $4 + 1, \"modified_at\" = $3");
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(", \"").Append(columns[c].Key).Append("\" = $").Append(parameter++);
        }

        sql.Append(" WHERE \"").Append(table.KeyColumn).Append("\" = $1 AND \"version\" = $4 RETURNING \"version\")");
        if (write.Change is null)
        {
            AppendSnapshot(sql, table, "$4 + 1");
        }

        return parameter;
    }

    // The snapshot ($2, null when cleared) at the state's new version, written only if s wrote the state's row.
    private static void AppendSnapshot(StringBuilder sql, StateTable table, string version)
    {
        if (table.SnapshotTable is not { } snapshots)
        {
            return;
        }

        sql.Append(", p AS (INSERT INTO \"").Append(snapshots).Append("\" (\"").Append(table.KeyColumn)
            .Append("\", \"version\", \"payload\") SELECT $1, ").Append(version).Append(", $2 WHERE EXISTS (SELECT 1 FROM s) ON CONFLICT (\"")
            .Append(table.KeyColumn).Append("\") DO UPDATE SET \"version\" = EXCLUDED.\"version\", \"payload\" = EXCLUDED.\"payload\")");
    }

    // As Outcome, for a state table: the stored version when s wrote nothing.
    private static void AppendTableOutcome(StringBuilder sql, StateTable table) =>
        sql.Append(" SELECT version, true FROM s UNION ALL SELECT \"version\", false FROM \"").Append(table.Table)
            .Append("\" WHERE NOT EXISTS (SELECT 1 FROM s) AND \"").Append(table.KeyColumn).Append("\" = $1");

    /// <summary>The column arrays of an <c>unnest</c> part, in order; a column null in every row has none (see <see cref="AppendUnnest"/>).</summary>
    internal static void AddArrays(NpgsqlParameterCollection parameters, NpgsqlParameter?[] columns)
    {
        foreach (var column in columns)
        {
            if (column is not null)
            {
                parameters.Add(column);
            }
        }
    }

    // SELECT u.c0, NULL, u.c2 FROM unnest($9, $10) AS u(c0, c2): a column null in every row is a NULL literal, which
    // takes the column's type (an array needs an element type, and an untyped null has none). With an owner, the first
    // array is each row's owner, u.o (see StateUpdateCommands).
    internal static void AppendUnnest(StringBuilder sql, NpgsqlParameter?[] columns, ref int parameter, bool owner = false)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(c == 0 ? string.Empty : ", ");
            if (columns[c] is null)
            {
                sql.Append("NULL");
            }
            else
            {
                sql.Append("u.c").Append(c);
            }
        }

        sql.Append(" FROM unnest(");
        var first = true;
        if (owner)
        {
            sql.Append('$').Append(parameter++);
            first = false;
        }

        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not null)
            {
                sql.Append(first ? "$" : ", $").Append(parameter++);
                first = false;
            }
        }

        sql.Append(") AS u(");
        first = true;
        if (owner)
        {
            sql.Append('o');
            first = false;
        }

        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not null)
            {
                sql.Append(first ? "c" : ", c").Append(c);
                first = false;
            }
        }

        sql.Append(')');
    }

    internal static void AppendColumns(StringBuilder sql, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (var v = 0; v < values.Count; v++)
        {
            sql.Append(v == 0 ? string.Empty : ", ").Append('"').Append(values[v].Key).Append('"');
        }
    }

    internal static void AppendConflictClause(StringBuilder sql, IReadOnlyList<KeyValuePair<string, object?>> values, IReadOnlyList<string> conflict)
    {
        sql.Append(" ON CONFLICT (");
        for (var c = 0; c < conflict.Count; c++)
        {
            sql.Append(c == 0 ? string.Empty : ", ").Append('"').Append(conflict[c]).Append('"');
        }

        sql.Append(')');
        var updates = 0;
        for (var v = 0; v < values.Count; v++)
        {
            var column = values[v].Key;
            if (!Contains(conflict, column))
            {
                sql.Append(updates++ == 0 ? " DO UPDATE SET " : ", ").Append('"').Append(column).Append("\" = EXCLUDED.\"").Append(column).Append('"');
            }
        }

        if (updates == 0)
        {
            sql.Append(" DO NOTHING");
        }
    }

    private static bool Contains(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], column, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One part of the statement: a single row (<paramref name="Columns"/> null), or rows of one shape by column arrays.</summary>
    private sealed record RowPart(IReadOnlyList<StorageRow> Rows, NpgsqlParameter?[]? Columns);
}
