namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A null <see cref="StorageRow"/> value that keeps its type. Rows are inserted with <c>INSERT ... SELECT $n</c>, where
/// PostgreSQL reads an untyped null as text, which a uuid or date column refuses: pass <see cref="Of{T}"/> instead.
/// </summary>
public sealed record TypedNull(Type ClrType)
{
    /// <summary>The value, or a typed null when it has none.</summary>
    public static object Of<T>(T? value)
        where T : struct => value.HasValue ? value.Value : new TypedNull(typeof(T));
}
