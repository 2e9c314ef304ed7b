using System.Text;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// The pass's labels and change messages in the site's four languages: pass.json names keys, and each
/// <c>xx.lproj/pass.strings</c> gives them in its language, so Wallet shows the phone's language. Strings files are
/// written in UTF-16 with a byte order mark, the encoding Apple documents for them.
/// </summary>
public static class PassStrings
{
    public const string Points = "POINTS";
    public const string Stamps = "STAMPS";
    public const string Rewards = "REWARDS";
    public const string Tier = "TIER";
    public const string CardNumber = "CARD_NUMBER";
    public const string Terms = "TERMS";
    public const string CardPage = "CARD_PAGE";
    public const string CardPageLink = "CARD_PAGE_LINK";
    public const string NextReward = "NEXT_REWARD";
    public const string PointsChanged = "POINTS_CHANGED";
    public const string StampsChanged = "STAMPS_CHANGED";
    public const string RewardsChanged = "REWARDS_CHANGED";

    /// <summary>The key of a tier's name (<c>bronze</c>, <c>silver</c>, <c>gold</c>).</summary>
    public static string TierName(string tier) => "TIER_" + tier.ToUpperInvariant();

    public static IReadOnlyList<string> Languages { get; } = ["en", "fr", "de", "lb"];

    private static readonly Dictionary<string, string[]> Texts = new(StringComparer.Ordinal)
    {
        // key                     en                              fr                                   de                                   lb
        [Points] = ["Points", "Points", "Punkte", "Punkten"],
        [Stamps] = ["Stamps", "Tampons", "Stempel", "Stempelen"],
        [Rewards] = ["Rewards ready", "Récompenses prêtes", "Prämien bereit", "Belounungen prett"],
        [Tier] = ["Tier", "Niveau", "Stufe", "Niveau"],
        [CardNumber] = ["Card number", "Numéro de carte", "Kartennummer", "Kaartennummer"],
        [Terms] = ["Terms", "Conditions", "Bedingungen", "Konditiounen"],
        [CardPage] = ["Your card online", "Votre carte en ligne", "Ihre Karte online", "Är Kaart online"],
        [CardPageLink] = ["Open your card", "Ouvrir votre carte", "Ihre Karte öffnen", "Är Kaart opmaachen"],
        [NextReward] = ["Next reward", "Prochaine récompense", "Nächste Prämie", "Nächst Belounung"],
        [PointsChanged] = ["You now have %@ points.", "Vous avez maintenant %@ points.", "Sie haben jetzt %@ Punkte.", "Dir hutt elo %@ Punkten."],
        [StampsChanged] = ["Your card now has %@ stamps.", "Votre carte a maintenant %@ tampons.", "Ihre Karte hat jetzt %@ Stempel.", "Är Kaart huet elo %@ Stempelen."],
        [RewardsChanged] = ["Rewards ready: %@", "Récompenses prêtes : %@", "Prämien bereit: %@", "Belounungen prett: %@"],
        [TierName("bronze")] = ["Bronze", "Bronze", "Bronze", "Bronze"],
        [TierName("silver")] = ["Silver", "Argent", "Silber", "Sëlwer"],
        [TierName("gold")] = ["Gold", "Or", "Gold", "Gold"],
    };

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> (one of <see cref="Languages"/>).</summary>
    public static string Text(string key, string language) => Texts[key][LanguageIndex(language)];

    /// <summary>The <c>pass.strings</c> file of one language.</summary>
    public static byte[] File(string language)
    {
        var index = LanguageIndex(language);
        var text = new StringBuilder();
        foreach (var (key, values) in Texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            text.Append('"').Append(Escape(key)).Append("\" = \"").Append(Escape(values[index])).Append("\";\n");
        return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.ToString())];
    }

    private static int LanguageIndex(string language)
    {
        var index = Languages.ToList().IndexOf(language);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(language), language, "Not a pass language.");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
