using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Grains.Storage;

/// <summary>
/// Rows of one shape (table, columns in order, conflict key), written as one <c>INSERT … SELECT … FROM unnest(…)</c>
/// with one array parameter per column: the statement's text then depends on which shapes are present, not on how
/// many rows there are, and PostgreSQL plans it once (ADR 0014).
/// </summary>
internal sealed class RowGroup
{
    private readonly List<StorageRow> _rows = [];
    private readonly List<string> _owners = [];

    private RowGroup(StorageRow shape) => Shape = shape;

    /// <summary>The first row of the group: its table, columns and conflict key are every row's.</summary>
    public StorageRow Shape { get; }

    /// <summary>Adds <paramref name="row"/> to the group of its shape, opening one (in order of first appearance) if needed.</summary>
    /// <param name="owner">The card whose write holds the row, or null for rows written on their own.</param>
    public static void Add(List<RowGroup> groups, StorageRow row, string? owner)
    {
        var group = groups.Find(candidate => candidate.Shape.HasShapeOf(row));
        if (group is null)
        {
            group = new RowGroup(row);
            groups.Add(group);
        }

        group._rows.Add(row);
        if (owner is not null)
        {
            group._owners.Add(owner);
        }
    }

    /// <summary>
    /// Appends <c>INSERT INTO "t" ("a", "b") SELECT r.c0, NULL FROM unnest($n, …) AS r(c0) [ON CONFLICT …]</c> and adds
    /// its parameters. A column null in every row is a <c>NULL</c> literal (it takes the column's type; an untyped array
    /// would not). With <paramref name="writtenCards"/>, the first array is each row's card, and only the rows of the
    /// cards that relation returns are inserted.
    /// </summary>
    public void AppendInsert(StringBuilder sql, NpgsqlParameterCollection parameters, string? writtenCards)
    {
        var columns = Shape.Values;
        var arrays = new NpgsqlParameter?[columns.Count];
        var values = new object?[_rows.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            for (var r = 0; r < _rows.Count; r++)
            {
                values[r] = _rows[r].Values[c].Value;
            }

            arrays[c] = StorageValues.ToArray(values);
        }

        sql.Append("INSERT INTO \"").Append(Shape.Table).Append("\" (");
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(c == 0 ? "\"" : ", \"").Append(columns[c].Key).Append('"');
        }

        sql.Append(") SELECT ");
        for (var c = 0; c < columns.Count; c++)
        {
            sql.Append(c == 0 ? string.Empty : ", ");
            if (arrays[c] is null)
            {
                sql.Append("NULL");
            }
            else
            {
                sql.Append("r.c").Append(c);
            }
        }

        sql.Append(" FROM unnest(");
        var first = true;
        if (writtenCards is not null)
        {
            sql.AppendParameter(parameters, new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Text | NpgsqlDbType.Array, TypedValue = [.. _owners] });
            first = false;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (arrays[c] is { } array)
            {
                sql.Append(first ? string.Empty : ", ").AppendParameter(parameters, array);
                first = false;
            }
        }

        sql.Append(") AS r(").Append(writtenCards is null ? string.Empty : "card");
        first = writtenCards is null;
        for (var c = 0; c < columns.Count; c++)
        {
            if (arrays[c] is not null)
            {
                sql.Append(first ? "c" : ", c").Append(c);
                first = false;
            }
        }

        sql.Append(')');
        if (writtenCards is not null)
        {
            sql.Append(" WHERE r.card IN (SELECT card_number FROM ").Append(writtenCards).Append(')');
        }

        if (Shape.ConflictColumns is { } conflict)
        {
            AppendConflictClause(sql, columns, conflict);
        }
    }

    private static void AppendConflictClause(StringBuilder sql, IReadOnlyList<KeyValuePair<string, object?>> columns, IReadOnlyList<string> conflict)
    {
        sql.Append(" ON CONFLICT (");
        for (var c = 0; c < conflict.Count; c++)
        {
            sql.Append(c == 0 ? "\"" : ", \"").Append(conflict[c]).Append('"');
        }

        sql.Append(')');
        var updates = 0;
        foreach (var (column, _) in columns)
        {
            if (!conflict.Contains(column))
            {
                sql.Append(updates++ == 0 ? " DO UPDATE SET \"" : ", \"").Append(column).Append("\" = EXCLUDED.\"").Append(column).Append('"');
            }
        }

        if (updates == 0)
        {
            sql.Append(" DO NOTHING");
        }
    }
}
