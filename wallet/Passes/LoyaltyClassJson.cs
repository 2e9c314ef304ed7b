using System.Text.Json.Nodes;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Wallet.Passes;

/// <summary>
/// A program's LoyaltyClass. <c>reviewStatus</c> is always <c>UNDER_REVIEW</c>, on insert and on every update: a DRAFT
/// class cannot issue objects, APPROVED is Google's to set, and a class must never go back to draft.
/// </summary>
public static class LoyaltyClassJson
{
    public const string ReviewStatus = "UNDER_REVIEW";

    public static JsonObject Of(string issuerId, Guid programId, ProgramDefinition program, string merchantName, Uri logoUrl)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(logoUrl);
        var same = (string text) => Locales.Supported.ToDictionary(l => l, _ => text, StringComparer.Ordinal);
        var loyaltyClass = new JsonObject
        {
            ["id"] = WalletIds.Class(issuerId, programId),
            ["issuerName"] = merchantName,
            ["localizedIssuerName"] = WalletJson.Localized(same(merchantName)),
            ["programName"] = program.Name,
            ["localizedProgramName"] = WalletJson.Localized(same(program.Name)),
            ["programLogo"] = WalletJson.Image(logoUrl, merchantName),
            ["reviewStatus"] = ReviewStatus,
            ["accountNameLabel"] = WalletTexts.Get("member", Locales.Default),
            ["localizedAccountNameLabel"] = WalletJson.Localized(WalletTexts.All("member")),
            ["accountIdLabel"] = WalletTexts.Get("cardNumber", Locales.Default),
            ["localizedAccountIdLabel"] = WalletJson.Localized(WalletTexts.All("cardNumber")),
            ["countryCode"] = "LU",
            ["hexBackgroundColor"] = "#1f3a5f",
        };
        if (program.HasPoints)
        {
            loyaltyClass["rewardsTierLabel"] = WalletTexts.Get("tier", Locales.Default);
            loyaltyClass["localizedRewardsTierLabel"] = WalletJson.Localized(WalletTexts.All("tier"));
        }

        return loyaltyClass;
    }
}
