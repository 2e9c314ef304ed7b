using System.Text.Json;

namespace Loyalty.Grains.Cards;

/// <summary>Enum values as the APIs and tables spell them: camelCase (<c>stampRedemption</c>, <c>gold</c>).</summary>
internal static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Spelling<TEnum>.ByValue.TryGetValue(value, out var name) ? name : Convert(value);

    private static string Convert<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // Every card write spells a few of these; each defined value is converted once.
    private static class Spelling<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct().ToDictionary(value => value, Convert);
    }
}
