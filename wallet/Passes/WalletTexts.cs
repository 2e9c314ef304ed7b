using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Wallet.Passes;

/// <summary>The pass's own words in the platform's four languages (en is the default value Google shows otherwise).</summary>
public static class WalletTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new(StringComparer.Ordinal)
    {
        ["points"] = new() { ["en"] = "Points", ["fr"] = "Points", ["de"] = "Punkte", ["lb"] = "Punkten" },
        ["stamps"] = new() { ["en"] = "Stamps", ["fr"] = "Tampons", ["de"] = "Stempel", ["lb"] = "Stempelen" },
        ["member"] = new() { ["en"] = "Member", ["fr"] = "Membre", ["de"] = "Mitglied", ["lb"] = "Member" },
        ["cardNumber"] = new() { ["en"] = "Card number", ["fr"] = "Numéro de carte", ["de"] = "Kartennummer", ["lb"] = "Kaartennummer" },
        ["tier"] = new() { ["en"] = "Tier", ["fr"] = "Niveau", ["de"] = "Stufe", ["lb"] = "Niveau" },
        ["rewards"] = new() { ["en"] = "Rewards ready", ["fr"] = "Récompenses disponibles", ["de"] = "Verfügbare Prämien", ["lb"] = "Prämien disponibel" },
        ["expiring"] = new() { ["en"] = "Points expiring", ["fr"] = "Points qui expirent", ["de"] = "Verfallende Punkte", ["lb"] = "Punkten déi oflafen" },
        ["expiringBody"] = new() { ["en"] = "{0} points on {1}", ["fr"] = "{0} points le {1}", ["de"] = "{0} Punkte am {1}", ["lb"] = "{0} Punkten den {1}" },
        ["tier.bronze"] = new() { ["en"] = "Bronze", ["fr"] = "Bronze", ["de"] = "Bronze", ["lb"] = "Bronze" },
        ["tier.silver"] = new() { ["en"] = "Silver", ["fr"] = "Argent", ["de"] = "Silber", ["lb"] = "Sëlwer" },
        ["tier.gold"] = new() { ["en"] = "Gold", ["fr"] = "Or", ["de"] = "Gold", ["lb"] = "Gold" },
        ["button"] = new() { ["en"] = "Add to Google Wallet", ["fr"] = "Ajouter à Google Wallet", ["de"] = "Zu Google Wallet hinzufügen", ["lb"] = "Bäi Google Wallet derbäisetzen" },
        ["emailLine"] = new() { ["en"] = "Add your card to Google Wallet:", ["fr"] = "Ajoutez votre carte à Google Wallet :", ["de"] = "Fügen Sie Ihre Karte zu Google Wallet hinzu:", ["lb"] = "Setzt Är Kaart bäi Google Wallet derbäi:" },
    };

    /// <summary>The text <paramref name="key"/> in <paramref name="locale"/> (en when the language is not one of ours).</summary>
    public static string Get(string key, string? locale)
    {
        var texts = Texts[key];
        return locale is not null && texts.TryGetValue(locale, out var text) ? text : texts[Locales.Default];
    }

    /// <summary>Every language's version of <paramref name="key"/>, after <paramref name="format"/>.</summary>
    public static IReadOnlyDictionary<string, string> All(string key, Func<string, string, string>? format = null) =>
        Locales.Supported.ToDictionary(locale => locale, locale => format is null ? Get(key, locale) : format(locale, Get(key, locale)), StringComparer.Ordinal);

    /// <summary>The tier's name (bronze, silver, gold, or the tier as stored when it is another).</summary>
    public static IReadOnlyDictionary<string, string> Tier(string tier) =>
        Texts.ContainsKey($"tier.{tier}") ? All($"tier.{tier}") : Locales.Supported.ToDictionary(l => l, _ => tier, StringComparer.Ordinal);
}
