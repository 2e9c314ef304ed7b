using System.Text.Json;

namespace Loyalty.Grains.Cards;

/// <summary>Enum values as the APIs and tables spell them: camelCase (<c>stampRedemption</c>, <c>gold</c>).</summary>
internal static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
