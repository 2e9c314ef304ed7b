namespace Loyalty.Grains.Storage;

/// <summary>The value <see cref="TypedNull.Of{T}"/> gives for a null: a null of a known CLR type.</summary>
internal sealed record TypedNullValue(Type ClrType)
{
    public static TypedNullValue Of(Type clrType) =>
        StorageValues.IsSupported(clrType)
            ? new TypedNullValue(clrType)
            : throw new NotSupportedException($"No PostgreSQL type is mapped for a null {clrType.Name}.");
}
