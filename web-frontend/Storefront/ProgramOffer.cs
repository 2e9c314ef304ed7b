using System.Globalization;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Web.Site;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Storefront;

/// <summary>What a program gives, in sentences of the visitor's language, built from the program's rules.</summary>
public static class ProgramOffer
{
    public static IReadOnlyList<string> Describe(ProgramDefinition program, IStringLocalizer<SiteStrings> strings)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(strings);
        var lines = new List<string>();
        if (program.HasStamps && program.StampsRequired is { } stamps)
            lines.Add(strings["Offer.Stamps", stamps, program.StampRewardName ?? ""]);
        if (program.HasPoints && program.PointsPerCurrencyUnit is { } perUnit)
            lines.Add(strings["Offer.Points", perUnit, program.Currency ?? ""]);
        if (program.WelcomeBonusPoints > 0)
            lines.Add(strings["Offer.Welcome", program.WelcomeBonusPoints]);
        foreach (var reward in program.Rewards.OrderBy(reward => reward.PointsCost))
            lines.Add(strings["Offer.Reward", reward.Name, reward.PointsCost]);
        return lines;
    }

    /// <summary>How the program's points expire, or null when they do not.</summary>
    public static string? Expiry(ProgramDefinition program, IStringLocalizer<SiteStrings> strings)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(strings);
        return !program.HasPoints ? null : program.PointExpiry.Mode switch
        {
            PointExpiryMode.AfterEarning => strings["Offer.ExpiryAfterEarning", program.PointExpiry.Days].Value,
            PointExpiryMode.Inactivity => strings["Offer.ExpiryInactivity", program.PointExpiry.Days].Value,
            _ => strings["Offer.NoExpiry"].Value,
        };
    }

    /// <summary>The program's own terms text in the visitor's language, else the merchant's, else English, else any.</summary>
    public static LocalizedChoice? Terms(ProgramDefinition program, StorefrontMerchant merchant)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(merchant);
        return StoreDescriptions.TryResolve(program.Terms.Texts, CultureInfo.CurrentUICulture.Name, merchant.DefaultLocale, out var locale, out var text)
            ? new LocalizedChoice(text, locale)
            : null;
    }
}
