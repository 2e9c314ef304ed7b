using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// The values of one column over several rows of the same shape, as one typed array parameter for
/// <c>unnest</c>: a coalesced write of a hot card holds dozens of ledger, outbox and idempotency rows, and one statement
/// part per row made every batch size a new statement for PostgreSQL to parse and plan.
/// </summary>
internal static class StorageColumns
{
    /// <summary>
    /// One array parameter per column of <paramref name="rows"/> (all of one shape), a null entry where the column is
    /// null in every row (written as a <c>NULL</c> literal, which takes the column's type); null when a column holds a
    /// type with no array mapping here or values of different types, so the rows go one by one.
    /// </summary>
    public static NpgsqlParameter?[]? TryCreate(IReadOnlyList<StorageRow> rows) =>
        TryCreate(rows.Count, rows[0].Values.Count, rows, static (rows, r, c) => rows[r].Values[c].Value);

    /// <summary>As <see cref="TryCreate(IReadOnlyList{StorageRow})"/>, over any rows' values: <paramref name="valueAt"/> gives row r's column c.</summary>
    public static NpgsqlParameter?[]? TryCreate<TRows>(int rowCount, int columns, TRows rows, Func<TRows, int, int, object?> valueAt)
    {
        var parameters = new NpgsqlParameter?[columns];
        var values = new object?[rowCount];
        for (var c = 0; c < columns; c++)
        {
            Type? type = null;
            for (var r = 0; r < rowCount; r++)
            {
                var value = valueAt(rows, r, c);
                values[r] = value;
                var valueType = value switch
                {
                    null or DBNull => null,
                    TypedNull typed => typed.ClrType,
                    _ => value.GetType(),
                };
                if (valueType is not null && type is not null && valueType != type)
                {
                    return null;
                }

                type ??= valueType;
            }

            if (type is null)
            {
                continue;
            }

            var parameter = Create(type, values);
            if (parameter is null)
            {
                return null;
            }

            parameters[c] = parameter;
        }

        return parameters;
    }

    private static NpgsqlParameter? Create(Type type, object?[] values) => type switch
    {
        _ when type == typeof(string) => Array<string?>(values, NpgsqlDbType.Text, static value => (string)value),
        _ when type == typeof(JsonbValue) => Array<string?>(values, NpgsqlDbType.Jsonb, static value => ((JsonbValue)value).Json),
        _ when type == typeof(byte[]) => Array<byte[]?>(values, NpgsqlDbType.Bytea, static value => (byte[])value),
        _ when type == typeof(long) => Array<long?>(values, NpgsqlDbType.Bigint, static value => (long)value),
        _ when type == typeof(int) => Array<int?>(values, NpgsqlDbType.Integer, static value => (int)value),
        _ when type == typeof(bool) => Array<bool?>(values, NpgsqlDbType.Boolean, static value => (bool)value),
        _ when type == typeof(Guid) => Array<Guid?>(values, NpgsqlDbType.Uuid, static value => (Guid)value),
        _ when type == typeof(decimal) => Array<decimal?>(values, NpgsqlDbType.Numeric, static value => (decimal)value),
        _ when type == typeof(DateOnly) => Array<DateOnly?>(values, NpgsqlDbType.Date, static value => (DateOnly)value),

        // Npgsql writes timestamptz only from UTC offsets; the instant is what matters, so normalise.
        _ when type == typeof(DateTimeOffset) => Array<DateTimeOffset?>(values, NpgsqlDbType.TimestampTz, static value => ((DateTimeOffset)value).ToUniversalTime()),
        _ => null,
    };

    // T is the nullable element type (string?, long?): its default is the null element.
    private static NpgsqlParameter Array<T>(object?[] values, NpgsqlDbType type, Func<object, T> convert)
    {
        var array = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            array[i] = values[i] is null or DBNull or TypedNull ? default! : convert(values[i]!);
        }

        return new NpgsqlParameter { NpgsqlDbType = type | NpgsqlDbType.Array, Value = array };
    }
}
