namespace Loyalty.Grains.Storage;

/// <summary>
/// A row that a grain commits atomically with its state (<see cref="CardWrite.Rows"/>) or on its own
/// (<see cref="RowWriter"/>): an insert, or an upsert on a unique key.
/// </summary>
/// <remarks>
/// Table and column names come from code, never from input, and must be plain lower-case identifiers (they are quoted,
/// so reserved words such as <c>order</c> work). Values are sent as parameters: <see cref="string"/>,
/// <see cref="JsonbValue"/>, <c>byte[]</c>, <see cref="long"/>, <see cref="int"/>, <see cref="bool"/>,
/// <see cref="Guid"/>, <see cref="decimal"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>, null, or
/// <see cref="TypedNull.Of{T}"/>. One write must not upsert the same row twice (keep the last, see
/// <see cref="IsSameRowAs"/>): PostgreSQL refuses to change a row twice in one statement.
/// </remarks>
public sealed class StorageRow
{
    private StorageRow(string table, IReadOnlyList<KeyValuePair<string, object?>> values, IReadOnlyList<string>? conflictColumns)
    {
        SqlIdentifier.Validate(table);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A row needs at least one column.", nameof(values));
        }

        var typed = false;
        foreach (var (column, value) in values)
        {
            SqlIdentifier.Validate(column);
            StorageValues.Validate(column, value);
            typed |= value is not null;
        }

        // Each column of a batch's rows of one shape is an array, and a column null in all of them a NULL literal: a
        // row of nothing but plain nulls would leave no array to take the rows from.
        if (!typed)
        {
            throw new ArgumentException($"A row of {table} needs at least one value that is not a plain null.", nameof(values));
        }

        if (conflictColumns is not null)
        {
            foreach (var column in conflictColumns)
            {
                SqlIdentifier.Validate(column);
            }
        }

        Table = table;
        Values = values;
        ConflictColumns = conflictColumns;
    }

    /// <summary>The table the row goes to.</summary>
    public string Table { get; }

    /// <summary>The columns and their values, in the order they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; }

    /// <summary>For an upsert, the unique key; null for a plain insert.</summary>
    public IReadOnlyList<string>? ConflictColumns { get; }

    /// <summary>A plain insert; a unique violation fails the whole write (state included).</summary>
    public static StorageRow Insert(string table, params IReadOnlyList<KeyValuePair<string, object?>> values) =>
        new(table, values, null);

    /// <summary>Insert, or update every other column when a row with the same <paramref name="conflictColumns"/> exists.</summary>
    public static StorageRow Upsert(string table, IReadOnlyList<string> conflictColumns, params IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(conflictColumns);
        if (conflictColumns.Count == 0)
        {
            throw new ArgumentException("An upsert needs its unique key columns.", nameof(conflictColumns));
        }

        return new(table, values, conflictColumns);
    }

    /// <summary>Whether both are upserts of the same table with equal values in the conflict columns.</summary>
    public bool IsSameRowAs(StorageRow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ConflictColumns is null || other.ConflictColumns is null || Table != other.Table || !ConflictColumns.SequenceEqual(other.ConflictColumns))
        {
            return false;
        }

        return ConflictColumns.All(column => Equals(ValueOf(column), other.ValueOf(column)));
    }

    /// <summary>Whether both write the same table, the same columns in the same order, with the same conflict key.</summary>
    public bool HasShapeOf(StorageRow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Table != other.Table || Values.Count != other.Values.Count || (ConflictColumns is null) != (other.ConflictColumns is null))
        {
            return false;
        }

        if (ConflictColumns is not null && !ConflictColumns.SequenceEqual(other.ConflictColumns!))
        {
            return false;
        }

        for (var v = 0; v < Values.Count; v++)
        {
            if (!string.Equals(Values[v].Key, other.Values[v].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private object? ValueOf(string column) => Values.FirstOrDefault(v => v.Key == column).Value;
}
