using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Grains.Storage;

/// <summary>
/// The values storage accepts in a column, and how a column's values over many rows become one typed array parameter
/// (for <c>unnest</c>): a batch's rows of one shape are one statement part however many there are, so its text, and
/// the plan PostgreSQL keeps for it, do not depend on the batch's size.
/// </summary>
internal static class StorageValues
{
    /// <summary>Whether a column may hold values of <paramref name="type"/>.</summary>
    public static bool IsSupported(Type type) =>
        type == typeof(string) || type == typeof(JsonbValue) || type == typeof(byte[]) || type == typeof(long)
        || type == typeof(int) || type == typeof(bool) || type == typeof(Guid) || type == typeof(decimal)
        || type == typeof(DateOnly) || type == typeof(DateTimeOffset);

    /// <summary>Throws unless <paramref name="value"/> is null, a typed null, or of a supported type.</summary>
    public static void Validate(string column, object? value)
    {
        if (value is not null and not TypedNullValue && !IsSupported(value.GetType()))
        {
            throw new ArgumentException(
                $"Column {column} holds a {value.GetType().Name}, which has no PostgreSQL mapping here. Use string, JsonbValue, " +
                "byte[], long, int, bool, Guid, decimal, DateOnly, DateTimeOffset, or TypedNull.Of for a null of a value type.",
                nameof(value));
        }
    }

    /// <summary>
    /// The values as one array parameter of their type; null when every value is a plain null (the statement then
    /// writes a <c>NULL</c> literal, which takes the column's type). Throws when the values mix types.
    /// </summary>
    public static NpgsqlParameter? ToArray(object?[] values)
    {
        Type? type = null;
        foreach (var value in values)
        {
            var valueType = value switch
            {
                null => null,
                TypedNullValue typed => typed.ClrType,
                _ => value.GetType(),
            };
            if (valueType is null)
            {
                continue;
            }

            if (type is not null && valueType != type)
            {
                throw new ArgumentException($"One column holds both {type.Name} and {valueType.Name} values.", nameof(values));
            }

            type = valueType;
        }

        return type switch
        {
            null => null,
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
            _ => throw new ArgumentException($"A column holds {type.Name} values, which have no PostgreSQL mapping here.", nameof(values)),
        };
    }

    // T is the nullable element type (string?, long?): its default is the null element.
    private static NpgsqlParameter<T[]> Array<T>(object?[] values, NpgsqlDbType type, Func<object, T> convert)
    {
        var array = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            array[i] = values[i] is null or TypedNullValue ? default! : convert(values[i]!);
        }

        return new NpgsqlParameter<T[]> { NpgsqlDbType = type | NpgsqlDbType.Array, TypedValue = array };
    }
}
