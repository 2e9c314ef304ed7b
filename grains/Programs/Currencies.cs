namespace Loyalty.Grains.Programs;

/// <summary>The currencies programs may use, with their ISO 4217 minor-unit exponents.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, Currency> ByCode = new Currency[]
    {
        new("EUR", 2), new("USD", 2), new("GBP", 2), new("CHF", 2), new("JPY", 0),
        new("SEK", 2), new("NOK", 2), new("DKK", 2), new("PLN", 2), new("CZK", 2),
        new("HUF", 2), new("CAD", 2), new("AUD", 2), new("KWD", 3), new("BHD", 3),
    }.ToDictionary(currency => currency.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<Currency> All => ByCode.Values;

    /// <summary>The currency for a code, compared case-insensitively; null when unknown.</summary>
    public static Currency? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var currency) ? currency : null;
}
