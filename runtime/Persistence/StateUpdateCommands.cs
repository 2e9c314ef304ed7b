using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Builds one statement for several updates of states stored in one table of their own: the card writes of a batch.
/// The writes' keys, expected versions, changes (or snapshots) and derived columns go as typed arrays, numbered by
/// <c>unnest … WITH ORDINALITY</c> into <c>i(k, d, e, f, c…, n)</c>; one <c>UPDATE … FROM i</c> writes every state whose
/// version still matches, the snapshot part stores the snapshots of the written ones, and each row part inserts, from
/// arrays with an owner column, the rows of the writes that were written. PostgreSQL then sets up and runs one statement
/// per batch instead of one per write, and the client sends a few dozen parameters instead of ~50 per write.
/// </summary>
/// <remarks>
/// Each write stays conditional on its own version. The statement returns <c>(n, version, true)</c> for each write
/// made, <c>(n, stored version, false)</c> for each one whose version had moved on, and no row for a state that has no
/// row. Every write is to a different key (<see cref="StateWriteCommitter"/> groups them so): an <c>UPDATE … FROM</c>
/// that matched one row twice would apply only one of the two.
/// </remarks>
internal static class StateUpdateCommands
{
    /// <summary>Whether <paramref name="write"/> may share a statement: an update of a state stored in a table of its own.</summary>
    public static bool CanMerge(StateWrite write) => write.Key.Table is not null && write.ExpectedVersion > 0;

    /// <summary>Whether two mergeable writes may share a statement: the same table, and the same derived columns in order.</summary>
    public static bool Fit(StateWrite a, StateWrite b)
    {
        if (a.Key.Table != b.Key.Table || a.Columns.Count != b.Columns.Count)
        {
            return false;
        }

        for (var c = 0; c < a.Columns.Count; c++)
        {
            if (!string.Equals(a.Columns[c].Key, b.Columns[c].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The statement that makes <paramref name="writes"/> (mergeable, fitting each other, distinct keys); null when a
    /// value has no array mapping, so the writes go one statement each.
    /// </summary>
    public static NpgsqlBatchCommand? TryCreate(IReadOnlyList<StateWrite> writes, DateTimeOffset modifiedAt)
    {
        var table = writes[0].Key.Table!;
        var snapshots = table.SnapshotTable is not null;
        var columns = StorageColumns.TryCreate(writes.Count, writes[0].Columns.Count, writes, static (writes, w, c) => writes[w].Columns[c].Value);
        if (columns is null)
        {
            return null;
        }

        var parts = Parts(writes);
        if (parts is null)
        {
            return null;
        }

        var keys = new string[writes.Count];
        var data = new byte[]?[writes.Count];
        var expected = new long[writes.Count];
        var isSnapshot = new bool[writes.Count];
        for (var w = 0; w < writes.Count; w++)
        {
            var write = writes[w];
            keys[w] = write.Key.GrainId.Key;
            data[w] = write.Change ?? write.Payload;
            expected[w] = write.ExpectedVersion;
            isSnapshot[w] = write.Change is null;
        }

        var command = new NpgsqlBatchCommand(BuildText(writes[0], columns, parts));
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Text | NpgsqlDbType.Array, TypedValue = keys });
        parameters.Add(new NpgsqlParameter<byte[]?[]> { NpgsqlDbType = NpgsqlDbType.Text | NpgsqlDbType.Array, TypedValue = data });
        parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Bigint | NpgsqlDbType.Array, TypedValue = expected });
        if (snapshots)
        {
            parameters.Add(new NpgsqlParameter<bool[]> { NpgsqlDbType = NpgsqlDbType.Boolean | NpgsqlDbType.Array, TypedValue = isSnapshot });
        }

        StateWriteCommands.AddArrays(parameters, columns);
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = modifiedAt.ToUniversalTime() });
        foreach (var part in parts)
        {
            parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Bigint | NpgsqlDbType.Array, TypedValue = part.Owners });
            StateWriteCommands.AddArrays(parameters, part.Columns);
        }

        return command;
    }

    /// <summary>The writes' rows grouped by shape, each group as column arrays with the ordinal (from 1) of its row's write.</summary>
    private static List<RowPart>? Parts(IReadOnlyList<StateWrite> writes)
    {
        var groups = new List<(List<StorageRow> Rows, List<long> Owners)>();
        for (var w = 0; w < writes.Count; w++)
        {
            foreach (var row in writes[w].Rows)
            {
                var group = groups.Find(candidate => candidate.Rows[0].HasShapeOf(row));
                if (group.Rows is null)
                {
                    group = ([], []);
                    groups.Add(group);
                }

                group.Rows.Add(row);
                group.Owners.Add(w + 1);
            }
        }

        var parts = new List<RowPart>(groups.Count);
        foreach (var (rows, owners) in groups)
        {
            if (StorageColumns.TryCreate(rows) is not { } columns)
            {
                return null;
            }

            parts.Add(new RowPart(rows[0], [.. owners], columns));
        }

        return parts;
    }

    // A text depends on the table, the derived columns, which of them are null in every write, and the same of each row
    // shape present: a handful of texts per grain type, kept once each (see StateWriteCommands.Kept).
    private static string BuildText(StateWrite first, NpgsqlParameter?[] columns, List<RowPart> parts)
    {
        var table = first.Key.Table!;
        var snapshots = table.SnapshotTable;
        var sql = new StringBuilder(4096);
        sql.Append("WITH i AS (SELECT * FROM unnest($1, $2, $3");
        var parameter = 4;
        if (snapshots is not null)
        {
            sql.Append(", $").Append(parameter++);
        }

        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not null)
            {
                sql.Append(", $").Append(parameter++);
            }
        }

        sql.Append(") WITH ORDINALITY AS i(k, d, e").Append(snapshots is null ? string.Empty : ", f");
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] is not null)
            {
                sql.Append(", c").Append(c);
            }
        }

        var modifiedAt = parameter++;
        sql.Append(", n)), s AS (UPDATE \"").Append(table.Table).Append("\" t SET ")
            .Append(snapshots is null ? "\"payload\" = i.d" : "\"changes\" = CASE WHEN i.f THEN NULL ELSE i.d || E'\\n' || COALESCE(t.\"changes\", '') END")
            .Append(", \"version\" = i.e + 1, \"modified_at\" = $").Append(modifiedAt);
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(", \"").Append(first.Columns[c].Key).Append("\" = ");
            if (columns[c] is null)
            {
                sql.Append("NULL");
            }
            else
            {
                sql.Append("i.c").Append(c);
            }
        }

        sql.Append(" FROM i WHERE t.\"").Append(table.KeyColumn).Append("\" = i.k AND t.\"version\" = i.e RETURNING i.n, t.\"version\")");
        if (snapshots is not null)
        {
            sql.Append(", p AS (INSERT INTO \"").Append(snapshots).Append("\" (\"").Append(table.KeyColumn)
                .Append("\", \"version\", \"payload\") SELECT i.k, i.e + 1, i.d FROM i JOIN s ON s.n = i.n WHERE i.f ON CONFLICT (\"")
                .Append(table.KeyColumn).Append("\") DO UPDATE SET \"version\" = EXCLUDED.\"version\", \"payload\" = EXCLUDED.\"payload\")");
        }

        for (var r = 0; r < parts.Count; r++)
        {
            var row = parts[r].Shape;
            sql.Append(", r").Append(r).Append(" AS (INSERT INTO \"").Append(row.Table).Append("\" (");
            StateWriteCommands.AppendColumns(sql, row.Values);
            sql.Append(") SELECT ");
            StateWriteCommands.AppendUnnest(sql, parts[r].Columns, ref parameter, owner: true);
            sql.Append(" WHERE u.o IN (SELECT n FROM s)");
            if (row.ConflictColumns is { } conflict)
            {
                StateWriteCommands.AppendConflictClause(sql, row.Values, conflict);
            }

            sql.Append(')');
        }

        sql.Append(" SELECT n, \"version\", true FROM s UNION ALL SELECT i.n, t.\"version\", false FROM i JOIN \"").Append(table.Table)
            .Append("\" t ON t.\"").Append(table.KeyColumn).Append("\" = i.k WHERE i.n NOT IN (SELECT n FROM s)");
        return StateWriteCommands.Kept(sql);
    }

    /// <summary>Rows of one shape from several writes: their columns as arrays, and the ordinal of each row's write.</summary>
    private sealed record RowPart(StorageRow Shape, long[] Owners, NpgsqlParameter?[] Columns);
}
