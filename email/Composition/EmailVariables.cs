using System.Globalization;
using System.Text.Json;
using Loyalty.Email.Dispatch;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Wallet.Passes;

namespace Loyalty.Email.Composition;

/// <summary>The values an outbox message's template is filled with, formatted for the customer's language.</summary>
internal static class EmailVariables
{
    public static Dictionary<string, string> Of(OutboxMessage message, JsonElement payload, CultureInfo culture, CustomerLinks links, string qrCodeSource, GoogleWalletLinks wallet, AppleWalletLinks appleWallet)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["merchantName"] = message.MerchantName ?? "" };
        if (message.Topic == OutboxTopics.PortalSignIn)
        {
            values["signInLink"] = Text(payload, "link");
            values["expiresAt"] = EmailCultures.DateTime(Time(payload, "expiresAt"), culture);
            return values;
        }

        if (message.Topic == OutboxTopics.AdminPasswordReset)
        {
            values["displayName"] = Text(payload, "displayName");
            values["resetLink"] = Text(payload, "link");
            values["expiresAt"] = EmailCultures.DateTime(Time(payload, "expiresAt"), culture);
            return values;
        }

        values["customerName"] = message.CustomerName ?? "";
        var cardNumber = message.CardNumber ?? throw new EmailCompositionException($"The {message.Topic} message has no card.");
        values["cardNumber"] = cardNumber;
        var cardPage = message.MerchantSlug is { } slug ? links.CardPage(slug, cardNumber) : null;
        values["cardLink"] = cardPage?.AbsoluteUri ?? "";
        switch (message.Topic)
        {
            case OutboxTopics.Enrollment:
                values["qrCode"] = qrCodeSource;
                var save = wallet.Enabled && message.MerchantSlug is { } merchantSlug ? wallet.SavePage(merchantSlug, cardNumber).AbsoluteUri : null;
                values["googleWalletButtonHtml"] = save is null ? "" : GoogleWalletEmailButton.Html(save, culture.TwoLetterISOLanguageName);
                values["googleWalletLine"] = save is null ? "" : $"\n{WalletTexts.Get("emailLine", culture.TwoLetterISOLanguageName)}\n{save}\n";

                // Under the card page's own address (the same token as cardLink), as the storefront's button.
                var download = appleWallet.Enabled && cardPage is not null ? AppleWalletLinks.DownloadPage(cardPage).AbsoluteUri : null;
                values["appleWalletButtonHtml"] = download is null ? "" : AppleWalletEmailButton.Html(download, culture.TwoLetterISOLanguageName);
                values["appleWalletLine"] = download is null ? "" : AppleWalletEmailButton.Line(download, culture.TwoLetterISOLanguageName);
                break;
            case OutboxTopics.WelcomeBonus or OutboxTopics.PointsExpired:
                values["points"] = EmailCultures.Number(Number(payload, "points"), culture);
                break;
            case OutboxTopics.RewardReady:
                values["rewardsAvailable"] = EmailCultures.Number(Number(payload, "rewardsAvailable"), culture);
                break;
            case OutboxTopics.PointsExpiring:
                values["points"] = EmailCultures.Number(Number(payload, "points"), culture);
                values["expiresAt"] = EmailCultures.Date(Time(payload, "expiresAt"), culture);
                break;
        }

        return values;
    }

    public static string Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new EmailCompositionException($"The outbox payload has no \"{name}\".");

    private static long Number(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.TryGetInt64(out var number)
            ? number
            : throw new EmailCompositionException($"The outbox payload has no whole number \"{name}\".");

    private static DateTimeOffset Time(JsonElement payload, string name) =>
        DateTimeOffset.TryParse(Text(payload, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new EmailCompositionException($"The outbox payload's \"{name}\" is not an ISO 8601 time.");
}
