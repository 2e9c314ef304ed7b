using System.Diagnostics.CodeAnalysis;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.GrainInterfaces.Stores;

/// <summary>
/// Picks the description to show: the requested locale (or its language, "fr-LU" → "fr"), then the merchant's
/// default locale, then English, then any other, so a store with only a German text still shows something.
/// </summary>
public static class StoreDescriptions
{
    /// <summary>Finds the description to show; false when the store has none.</summary>
    public static bool TryResolve(
        IReadOnlyDictionary<string, string> descriptions,
        string? requestedLocale,
        string? merchantDefaultLocale,
        [NotNullWhen(true)] out string? locale,
        [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(requestedLocale))
        {
            candidates.Add(requestedLocale.Trim());
            var dash = requestedLocale.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
                candidates.Add(requestedLocale[..dash].Trim());
        }

        if (!string.IsNullOrWhiteSpace(merchantDefaultLocale))
            candidates.Add(merchantDefaultLocale);
        candidates.Add(Locales.Default);
        candidates.AddRange(Locales.Supported);
        candidates.AddRange(descriptions.Keys.Order(StringComparer.Ordinal));

        foreach (var candidate in candidates)
        {
            foreach (var (key, value) in descriptions)
            {
                if (string.Equals(key, candidate, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                {
                    locale = key;
                    text = value;
                    return true;
                }
            }
        }

        locale = null;
        text = null;
        return false;
    }
}
