using System.Globalization;
using System.Text.Json.Nodes;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Wallet.Passes;

/// <summary>
/// A card's LoyaltyObject: points as <c>loyaltyPoints</c>, stamps as <c>secondaryLoyaltyPoints</c> (a hybrid card shows
/// both; a stamps-only card shows stamps as its primary balance), the card number as a QR code, the tier and any points
/// expiring soon as text modules. <c>notifyPreference</c> is <c>NOTIFY_ON_UPDATE</c> only for a notifying update;
/// otherwise absent, which Google treats as a silent update.
/// </summary>
public static class LoyaltyObjectJson
{
    public const string NotifyOnUpdate = "NOTIFY_ON_UPDATE";

    public static JsonObject Of(string issuerId, CardView card, ProgramDefinition program, PassSnapshot snapshot, bool notify)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(snapshot);
        var loyaltyObject = new JsonObject
        {
            ["id"] = WalletIds.Object(issuerId, card.CardNumber),
            ["classId"] = WalletIds.Class(issuerId, card.ProgramId),
            ["state"] = snapshot.Active ? "ACTIVE" : "INACTIVE",
            ["accountId"] = card.CardNumber,
            ["accountName"] = string.IsNullOrWhiteSpace(card.Customer.Name) ? card.CardNumber : card.Customer.Name,
            ["barcode"] = new JsonObject
            {
                ["type"] = "QR_CODE",
                ["value"] = card.CardNumber,
                ["alternateText"] = card.CardNumber,
            },
        };
        var points = Balance("points", snapshot.Points);
        var stamps = Balance("stamps", snapshot.Stamps);
        if (program.HasPoints)
        {
            loyaltyObject["loyaltyPoints"] = points;
            if (program.HasStamps)
            {
                loyaltyObject["secondaryLoyaltyPoints"] = stamps;
            }
        }
        else
        {
            loyaltyObject["loyaltyPoints"] = stamps;
        }

        var modules = new JsonArray
        {
            WalletJson.TextModule("rewards", WalletTexts.All("rewards"), WalletTexts.All("rewards", (_, _) => snapshot.RewardsReady.ToString(CultureInfo.InvariantCulture))),
        };
        if (program.HasPoints)
        {
            modules.Add(WalletJson.TextModule("tier", WalletTexts.All("tier"), WalletTexts.Tier(snapshot.Tier)));
        }

        if (snapshot.ExpiringSoon is { } expiresAt)
        {
            modules.Add(WalletJson.TextModule("expiring", WalletTexts.All("expiring"), WalletTexts.All("expiringBody", (locale, format) =>
            {
                var culture = CultureInfo.GetCultureInfo(locale);
                return string.Format(culture, format, snapshot.ExpiringPoints.ToString("N0", culture), expiresAt.ToString("d", culture));
            })));
        }

        loyaltyObject["textModulesData"] = modules;
        if (notify)
        {
            loyaltyObject["notifyPreference"] = NotifyOnUpdate;
        }

        return loyaltyObject;
    }

    /// <summary>The card's state as the pass shows it.</summary>
    public static PassSnapshot Snapshot(CardView card, ProgramDefinition program, IReadOnlyList<PointsExpiry> expiries, DateTimeOffset now, TimeSpan expiringLead)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(expiries);
        var affordable = program.HasPoints ? program.Rewards.Count(reward => reward.PointsCost <= card.Points) : 0;
        var soonest = expiries.Where(e => e.Points > 0).OrderBy(e => e.ExpiresAt).FirstOrDefault();
        var expiring = soonest is not null && soonest.ExpiresAt - now <= expiringLead ? soonest : null;
        return new PassSnapshot(card.Points, card.Stamps, card.RewardsAvailable + affordable, card.Tier, card.Status == CardStatus.Active, expiring?.ExpiresAt, expiring?.Points ?? 0);
    }

    private static JsonObject Balance(string label, long value) => new()
    {
        ["label"] = WalletTexts.Get(label, Locales.Default),
        ["localizedLabel"] = WalletJson.Localized(WalletTexts.All(label)),
        ["balance"] = new JsonObject { ["int"] = value },
    };
}
