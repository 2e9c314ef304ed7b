using System.Globalization;
using System.Text.Json.Nodes;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// pass.json of a card's store card (pure code): identity, the web service and its token, the QR code terminals scan,
/// and the fields: points or stamps in front, rewards and tier beside, terms and the card page on the back. Labels are
/// keys of <see cref="PassStrings"/>, so Wallet shows them in the phone's language.
/// </summary>
public static class ApplePassJson
{
    public static JsonObject Create(ApplePassCard card, AppleWalletOptions options, string authenticationToken, Uri webServiceUrl, Uri cardPage)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webServiceUrl);
        ArgumentNullException.ThrowIfNull(cardPage);
        var program = card.Program;
        var primary = new JsonArray();
        var secondary = new JsonArray();
        var auxiliary = new JsonArray();
        var stamps = program.HasStamps && program.StampsRequired is { } required
            ? Field("stamps", PassStrings.Stamps, $"{card.Stamps} / {required}", PassStrings.StampsChanged)
            : null;
        if (program.HasPoints)
        {
            primary.Add(Field("points", PassStrings.Points, card.Points, PassStrings.PointsChanged));
            if (stamps is not null)
                secondary.Add(stamps);
        }
        else if (stamps is not null)
        {
            primary.Add(stamps);
        }

        secondary.Add(Field("rewards", PassStrings.Rewards, card.RewardsAvailable + AffordableRewards(card), PassStrings.RewardsChanged));
        if (program.HasPoints)
        {
            secondary.Add(Field("tier", PassStrings.Tier, PassStrings.TierName(card.Tier)));
            if (program.Rewards.Where(r => r.PointsCost > card.Points).MinBy(r => r.PointsCost) is { } next)
                auxiliary.Add(Field("next-reward", PassStrings.NextReward, $"{next.Name} ({next.PointsCost.ToString(CultureInfo.InvariantCulture)})"));
        }
        else if (program.StampRewardName is { Length: > 0 } reward)
        {
            auxiliary.Add(Field("next-reward", PassStrings.NextReward, reward));
        }

        var back = new JsonArray { Field("card-number", PassStrings.CardNumber, card.CardNumber) };
        if (program.Terms.Resolve(card.CustomerLocale) is { Length: > 0 } terms)
            back.Add(Field("terms", PassStrings.Terms, terms));
        var link = Field("card-page", PassStrings.CardPage, cardPage.AbsoluteUri);
        link["attributedValue"] = $"<a href=\"{cardPage.AbsoluteUri}\">{cardPage.AbsoluteUri}</a>";
        back.Add(link);

        var pass = new JsonObject
        {
            ["formatVersion"] = 1,
            ["passTypeIdentifier"] = options.PassTypeIdentifier,
            ["serialNumber"] = card.CardNumber,
            ["teamIdentifier"] = options.TeamIdentifier,
            ["authenticationToken"] = authenticationToken,
            ["webServiceURL"] = webServiceUrl.AbsoluteUri.TrimEnd('/'),
            ["organizationName"] = options.OrganizationName,
            ["description"] = $"{card.MerchantName}: {program.Name}",
            ["logoText"] = card.MerchantName,
            ["backgroundColor"] = Rgb(PassImages.Background),
            ["foregroundColor"] = "rgb(255, 255, 255)",
            ["labelColor"] = "rgb(190, 227, 208)",
            ["sharingProhibited"] = true,
            ["barcodes"] = new JsonArray(new JsonObject
            {
                ["format"] = "PKBarcodeFormatQR",
                ["message"] = card.CardNumber,
                ["messageEncoding"] = "iso-8859-1",
                ["altText"] = string.Join(' ', card.CardNumber.Chunk(4).Select(group => new string(group))),
            }),
            ["storeCard"] = new JsonObject
            {
                ["primaryFields"] = primary,
                ["secondaryFields"] = secondary,
                ["auxiliaryFields"] = auxiliary,
                ["backFields"] = back,
            },
        };
        if (!card.Active)
            pass["voided"] = true;
        return pass;
    }

    // Points rewards the balance pays for count as ready, as on the card page.
    private static int AffordableRewards(ApplePassCard card) =>
        card.Program.HasPoints ? card.Program.Rewards.Count(r => r.PointsCost <= card.Points) : 0;

    private static JsonObject Field(string key, string label, JsonNode value, string? changeMessage = null)
    {
        var field = new JsonObject { ["key"] = key, ["label"] = label, ["value"] = value };
        if (changeMessage is not null)
            field["changeMessage"] = changeMessage;
        return field;
    }

    private static string Rgb((byte R, byte G, byte B) colour) => $"rgb({colour.R}, {colour.G}, {colour.B})";
}
