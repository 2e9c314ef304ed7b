using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Runtime.Persistence;

/// <summary>Turns <see cref="StorageRow"/> values into positional Npgsql parameters.</summary>
internal static class StorageValues
{
    public static NpgsqlParameter ToParameter(object? value) => value switch
    {
        null or DBNull => new NpgsqlParameter { Value = DBNull.Value },
        TypedNull typed => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = DbTypeOf(typed.ClrType) },
        JsonbValue json => new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = json.Json },
        string text => new NpgsqlParameter<string> { TypedValue = text },
        long number => new NpgsqlParameter<long> { TypedValue = number },
        int number => new NpgsqlParameter<int> { TypedValue = number },
        bool flag => new NpgsqlParameter<bool> { TypedValue = flag },
        Guid id => new NpgsqlParameter<Guid> { TypedValue = id },

        // Npgsql writes timestamptz only from UTC offsets; the instant is what matters, so normalise.
        DateTimeOffset instant => new NpgsqlParameter<DateTimeOffset> { TypedValue = instant.ToUniversalTime() },
        decimal amount => new NpgsqlParameter<decimal> { TypedValue = amount },
        byte[] bytes => new NpgsqlParameter<byte[]> { TypedValue = bytes },
        _ => new NpgsqlParameter { Value = value },
    };

    private static NpgsqlDbType DbTypeOf(Type type) => type switch
    {
        _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
        _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
        _ when type == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        _ when type == typeof(long) => NpgsqlDbType.Bigint,
        _ when type == typeof(int) => NpgsqlDbType.Integer,
        _ when type == typeof(bool) => NpgsqlDbType.Boolean,
        _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
        _ => throw new NotSupportedException($"No PostgreSQL type is mapped for a null {type.Name}."),
    };
}
