namespace Loyalty.Grains.Storage;

/// <summary>
/// Nulls that keep their type, for nullable <see cref="StorageRow"/> and <see cref="CardWrite"/> columns of a value
/// type (<c>uuid</c>, <c>date</c>, <c>timestamptz</c>, numbers). Values of a column travel as one typed array per
/// statement; a plain <see langword="null"/> has no type, so a column null in every row of a batch is written as a
/// <c>NULL</c> literal instead, which gives the statement another text. A typed null keeps it one text.
/// </summary>
public static class TypedNull
{
    /// <summary>The value, or a null of <typeparamref name="T"/>'s column type when it has none.</summary>
    public static object Of<T>(T? value)
        where T : struct => value.HasValue ? value.Value : TypedNullValue.Of(typeof(T));
}
