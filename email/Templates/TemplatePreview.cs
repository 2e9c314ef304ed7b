using Loyalty.Email.Composition;

namespace Loyalty.Email.Templates;

/// <summary>A template filled with sample values, for admins to check an edit before saving it. Pure code.</summary>
public static class TemplatePreview
{
    public const string SampleCardNumber = "4000123456789";

    private const string SampleWalletLink = "https://loyalty.example/m/fashionhub/card/sample/google-wallet";

    private const string SampleAppleWalletLink = "https://loyalty.example/m/fashionhub/card/sample" + Grains.Customers.AppleWalletLinks.Suffix;

    public static RenderedEmail Render(string template, string locale, TemplateContent content, DateTimeOffset now)
    {
        var culture = EmailCultures.Of(locale);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customerName"] = "Emma Schmit",
            ["merchantName"] = "Fashion Hub",
            ["cardNumber"] = SampleCardNumber,
            ["cardLink"] = "https://loyalty.example/m/fashionhub/card/sample",
            ["signInLink"] = "https://loyalty.example/m/fashionhub/portal/sign-in/sample",
            ["displayName"] = "Anna Weber",
            ["resetLink"] = "https://loyalty.example/admin/reset-password?token=sample",
            ["points"] = EmailCultures.Number(1250, culture),
            ["rewardsAvailable"] = EmailCultures.Number(1, culture),
            ["expiresAt"] = template switch
            {
                Grains.Cards.OutboxTopics.PortalSignIn => EmailCultures.DateTime(now.AddMinutes(15), culture),
                Grains.Cards.OutboxTopics.AdminPasswordReset => EmailCultures.DateTime(now.AddMinutes(30), culture),
                _ => EmailCultures.Date(now.AddDays(14), culture),
            },

            // The preview has no attachments: the QR code is inlined as a data: address instead of a cid: reference.
            ["qrCode"] = "data:image/png;base64," + Convert.ToBase64String(CardQrCode.Png(SampleCardNumber)),

            // The Google Wallet button as a configured platform sends it.
            ["googleWalletButtonHtml"] = GoogleWalletEmailButton.Html(SampleWalletLink, culture.TwoLetterISOLanguageName),
            ["googleWalletLine"] = $"\n{Wallet.Passes.WalletTexts.Get("emailLine", culture.TwoLetterISOLanguageName)}\n{SampleWalletLink}\n",

            // The Apple Wallet button likewise.
            ["appleWalletButtonHtml"] = AppleWalletEmailButton.Html(SampleAppleWalletLink, culture.TwoLetterISOLanguageName),
            ["appleWalletLine"] = AppleWalletEmailButton.Line(SampleAppleWalletLink, culture.TwoLetterISOLanguageName),
        };
        return TemplateRenderer.Render(content, values);
    }
}
