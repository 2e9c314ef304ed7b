namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A row that a grain commits atomically with its state: an insert, or an upsert on a unique key.
/// Table and column names come from code, never from input, and must be plain lower-case identifiers (they are quoted,
/// so reserved words such as <c>order</c> work);
/// values are sent as parameters.
/// </summary>
public sealed class StorageRow
{
    private StorageRow(string table, IReadOnlyList<KeyValuePair<string, object?>> values, IReadOnlyList<string>? conflictColumns)
    {
        SqlIdentifier.Validate(table);
        if (values.Count == 0)
        {
            throw new ArgumentException("A row needs at least one column.", nameof(values));
        }

        foreach (var (column, _) in values)
        {
            SqlIdentifier.Validate(column);
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

    public string Table { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; }

    /// <summary>For an upsert, the unique key; null for a plain insert.</summary>
    public IReadOnlyList<string>? ConflictColumns { get; }

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
}
