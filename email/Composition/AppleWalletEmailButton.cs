using System.Text.Encodings.Web;
using System.Text.Unicode;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Email.Composition;

/// <summary>
/// The "Add to Apple Wallet" button of the enrolment e-mail, next to Google's: a black rounded rectangle with white text
/// drawn with inline styles only (mail clients drop style sheets and images may be blocked), and its line for the text
/// part. The button's words are the storefront's (<c>Wallet.AddToApple</c> in web-frontend/Site/SiteStrings*.resx).
/// </summary>
public static class AppleWalletEmailButton
{
    // As the template renderer: escapes what HTML needs, keeps "ü" and "à" readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Dictionary<string, string> Buttons = new(StringComparer.Ordinal)
    {
        ["en"] = "Add to Apple Wallet",
        ["fr"] = "Ajouter à Apple Wallet",
        ["de"] = "Zu Apple Wallet hinzufügen",
        ["lb"] = "An Apple Wallet derbäisetzen",
    };

    private static readonly Dictionary<string, string> Lines = new(StringComparer.Ordinal)
    {
        ["en"] = "Add your card to Apple Wallet:",
        ["fr"] = "Ajoutez votre carte à Apple Wallet :",
        ["de"] = "Fügen Sie Ihre Karte zu Apple Wallet hinzu:",
        ["lb"] = "Setzt Är Kaart an Apple Wallet derbäi:",
    };

    /// <summary>The button's text in <paramref name="locale"/> (en when the language is not one of ours).</summary>
    public static string ButtonText(string? locale) => Get(Buttons, locale);

    /// <summary>The <c>appleWalletButtonHtml</c> variable: the button to <paramref name="link"/>.</summary>
    public static string Html(string link, string? locale)
    {
        var href = Encoder.Encode(link);
        var text = Encoder.Encode(ButtonText(locale));
        return $"<p><a href=\"{href}\" style=\"display:inline-block;background:#000;color:#fff;border:1px solid #a6a6a6;border-radius:8px;"
            + $"padding:12px 24px;font-family:-apple-system,'Helvetica Neue',Helvetica,Arial,sans-serif;font-size:16px;font-weight:500;text-decoration:none;\">{text}</a></p>";
    }

    /// <summary>The <c>appleWalletLine</c> variable: a blank line, the invitation, the link on its own line.</summary>
    public static string Line(string link, string? locale) => $"\n{Get(Lines, locale)}\n{link}\n";

    private static string Get(Dictionary<string, string> texts, string? locale) =>
        locale is not null && texts.TryGetValue(locale, out var text) ? text : texts[Locales.Default];
}
