using System.Text.Encodings.Web;
using System.Text.Unicode;
using Loyalty.Wallet.Passes;

namespace Loyalty.Email.Composition;

/// <summary>
/// The "Add to Google Wallet" button of the enrolment e-mail, in the shape of Google's badge (a black pill, white text,
/// a thin grey border) drawn with inline styles only: mail clients drop style sheets and images may be blocked.
/// </summary>
public static class GoogleWalletEmailButton
{
    // As the template renderer: escapes what HTML needs, keeps "ü" and "à" readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Html(string link, string locale)
    {
        var href = Encoder.Encode(link);
        var text = Encoder.Encode(WalletTexts.Get("button", locale));
        return $"<p><a href=\"{href}\" style=\"display:inline-block;background:#000;color:#fff;border:1px solid #747775;border-radius:24px;"
            + $"padding:12px 24px;font-family:Roboto,Arial,sans-serif;font-size:16px;font-weight:500;text-decoration:none;\">{text}</a></p>";
    }
}
