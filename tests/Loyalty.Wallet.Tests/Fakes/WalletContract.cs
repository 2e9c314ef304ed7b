using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Loyalty.Wallet.Tests.Fakes;

/// <summary>
/// The documented shape of LoyaltyClass and LoyaltyObject (developers.google.com/wallet/reference/rest/v1): which fields
/// exist, their JSON types, the enums, the required fields, and the reviewStatus rules. Each check answers the problems
/// found (empty: the body keeps the contract). Unknown fields are problems too: Google refuses them.
/// </summary>
public static partial class WalletContract
{
    private static readonly HashSet<string> ClassFields =
    [
        "kind", "id", "issuerName", "localizedIssuerName", "programName", "localizedProgramName", "programLogo", "wideProgramLogo",
        "reviewStatus", "accountNameLabel", "localizedAccountNameLabel", "accountIdLabel", "localizedAccountIdLabel",
        "rewardsTierLabel", "localizedRewardsTierLabel", "rewardsTier", "localizedRewardsTier", "secondaryRewardsTierLabel",
        "localizedSecondaryRewardsTierLabel", "secondaryRewardsTier", "localizedSecondaryRewardsTier", "countryCode",
        "hexBackgroundColor", "heroImage", "messages", "textModulesData", "linksModuleData", "imageModulesData", "locations",
        "enableSmartTap", "redemptionIssuers", "discoverableProgram", "homepageUri", "callbackOptions", "multipleDevicesAndHoldersAllowedStatus",
    ];

    private static readonly HashSet<string> ObjectFields =
    [
        "kind", "id", "classId", "state", "accountId", "accountName", "loyaltyPoints", "secondaryLoyaltyPoints", "barcode",
        "rotatingBarcode", "textModulesData", "linksModuleData", "imageModulesData", "messages", "validTimeInterval", "locations",
        "notifyPreference", "smartTapRedemptionValue", "linkedObjectIds", "linkedOfferIds", "heroImage", "hexBackgroundColor",
        "groupingInfo", "passConstraints", "appLinkData", "hasUsers", "version", "disableExpirationNotification", "infoModuleData",
    ];

    private static readonly string[] ReviewStatuses = ["DRAFT", "UNDER_REVIEW", "APPROVED", "REJECTED"];
    private static readonly string[] States = ["ACTIVE", "COMPLETED", "EXPIRED", "INACTIVE"];
    private static readonly string[] BarcodeTypes = ["AZTEC", "CODE_39", "CODE_128", "CODABAR", "DATA_MATRIX", "EAN_8", "EAN_13", "ITF_14", "PDF_417", "QR_CODE", "UPC_A", "TEXT_ONLY"];
    private static readonly string[] NotifyPreferences = ["NOTIFICATION_SETTINGS_FOR_UPDATES_UNSPECIFIED", "NOTIFY_ON_UPDATE"];

    /// <summary>
    /// A class sent by the issuer: on insert DRAFT or UNDER_REVIEW; on update never APPROVED/REJECTED (Google's to set),
    /// and never back to DRAFT once it was UNDER_REVIEW.
    /// </summary>
    public static List<string> Class(JsonObject body, string issuerId, string? previousReviewStatus)
    {
        var problems = new List<string>();
        Unknown(body, ClassFields, "class", problems);
        Id(body, "id", issuerId, problems);
        RequiredString(body, "issuerName", problems);
        RequiredString(body, "programName", problems);
        if (body["programLogo"] is not JsonObject logo)
        {
            problems.Add("programLogo is required (an Image object)");
        }
        else
        {
            Image(logo, "programLogo", problems);
        }

        foreach (var name in new[] { "localizedIssuerName", "localizedProgramName", "localizedAccountNameLabel", "localizedAccountIdLabel", "localizedRewardsTierLabel" })
        {
            if (body[name] is { } localized)
            {
                LocalizedString(localized, name, problems);
            }
        }

        foreach (var name in new[] { "accountNameLabel", "accountIdLabel", "rewardsTierLabel", "countryCode", "hexBackgroundColor" })
        {
            OptionalString(body, name, problems);
        }

        var status = String(body, "reviewStatus", problems, required: true);
        if (status is not null && !ReviewStatuses.Contains(status))
        {
            problems.Add($"reviewStatus {status} is not one of {string.Join(", ", ReviewStatuses)}");
        }
        else if (status is "APPROVED" or "REJECTED")
        {
            problems.Add($"reviewStatus {status} is set by Google, never sent by the issuer");
        }
        else if (status == "DRAFT" && previousReviewStatus == "UNDER_REVIEW")
        {
            problems.Add("reviewStatus went back from UNDER_REVIEW to DRAFT");
        }

        return problems;
    }

    public static List<string> Object(JsonObject body, string issuerId)
    {
        var problems = new List<string>();
        Unknown(body, ObjectFields, "object", problems);
        Id(body, "id", issuerId, problems);
        Id(body, "classId", issuerId, problems);
        if (String(body, "state", problems, required: true) is { } state && !States.Contains(state))
        {
            problems.Add($"state {state} is not one of {string.Join(", ", States)}");
        }

        OptionalString(body, "accountId", problems);
        OptionalString(body, "accountName", problems);
        foreach (var name in new[] { "loyaltyPoints", "secondaryLoyaltyPoints" })
        {
            if (body[name] is { } points)
            {
                LoyaltyPoints(points, name, problems);
            }
        }

        if (body["barcode"] is { } barcode)
        {
            if (barcode is not JsonObject code)
            {
                problems.Add("barcode is not an object");
            }
            else
            {
                if (String(code, "type", problems, required: true) is { } type && !BarcodeTypes.Contains(type))
                {
                    problems.Add($"barcode.type {type} is not a BarcodeType");
                }

                OptionalString(code, "value", problems);
                OptionalString(code, "alternateText", problems);
                Unknown(code, ["kind", "type", "renderEncoding", "value", "alternateText", "showCodeText"], "barcode", problems);
            }
        }

        if (body["textModulesData"] is { } modules)
        {
            if (modules is not JsonArray array)
            {
                problems.Add("textModulesData is not an array");
            }
            else
            {
                foreach (var module in array)
                {
                    TextModule(module, problems);
                }
            }
        }

        if (body["notifyPreference"] is { } notify && (notify.GetValueKind() != JsonValueKind.String || !NotifyPreferences.Contains(notify.GetValue<string>())))
        {
            problems.Add($"notifyPreference {notify.ToJsonString()} is not one of {string.Join(", ", NotifyPreferences)}");
        }

        return problems;
    }

    private static void LoyaltyPoints(JsonNode node, string name, List<string> problems)
    {
        if (node is not JsonObject points)
        {
            problems.Add($"{name} is not an object");
            return;
        }

        Unknown(points, ["label", "localizedLabel", "balance"], name, problems);
        OptionalString(points, "label", problems);
        if (points["localizedLabel"] is { } label)
        {
            LocalizedString(label, $"{name}.localizedLabel", problems);
        }

        if (points["balance"] is not JsonObject balance)
        {
            problems.Add($"{name}.balance is required (an object)");
            return;
        }

        Unknown(balance, ["string", "int", "double", "money"], $"{name}.balance", problems);
        if (balance.Count != 1)
        {
            problems.Add($"{name}.balance holds {balance.Count} values; exactly one of string, int, double, money");
        }

        if (balance["int"] is { } value && (value.GetValueKind() != JsonValueKind.Number || !int.TryParse(value.ToJsonString(), out _)))
        {
            problems.Add($"{name}.balance.int {value.ToJsonString()} is not a 32-bit integer");
        }
    }

    private static void TextModule(JsonNode? node, List<string> problems)
    {
        if (node is not JsonObject module)
        {
            problems.Add("a textModulesData entry is not an object");
            return;
        }

        Unknown(module, ["header", "body", "localizedHeader", "localizedBody", "id"], "textModulesData[]", problems);
        OptionalString(module, "header", problems);
        OptionalString(module, "body", problems);
        OptionalString(module, "id", problems);
        foreach (var name in new[] { "localizedHeader", "localizedBody" })
        {
            if (module[name] is { } localized)
            {
                LocalizedString(localized, $"textModulesData[].{name}", problems);
            }
        }
    }

    private static void Image(JsonObject image, string name, List<string> problems)
    {
        Unknown(image, ["kind", "sourceUri", "contentDescription"], name, problems);
        if (image["sourceUri"] is not JsonObject source || source["uri"] is not JsonValue uri || uri.GetValueKind() != JsonValueKind.String
            || !Uri.TryCreate(uri.GetValue<string>(), UriKind.Absolute, out _))
        {
            problems.Add($"{name}.sourceUri.uri must be an absolute URL");
        }

        if (image["contentDescription"] is { } description)
        {
            LocalizedString(description, $"{name}.contentDescription", problems);
        }
    }

    private static void LocalizedString(JsonNode node, string name, List<string> problems)
    {
        if (node is not JsonObject localized)
        {
            problems.Add($"{name} is not a LocalizedString object");
            return;
        }

        Unknown(localized, ["kind", "defaultValue", "translatedValues"], name, problems);
        if (localized["defaultValue"] is not JsonObject defaultValue)
        {
            problems.Add($"{name}.defaultValue is required");
        }
        else
        {
            Translated(defaultValue, $"{name}.defaultValue", problems);
        }

        if (localized["translatedValues"] is { } translated)
        {
            if (translated is not JsonArray values)
            {
                problems.Add($"{name}.translatedValues is not an array");
                return;
            }

            foreach (var value in values)
            {
                if (value is not JsonObject entry)
                {
                    problems.Add($"{name}.translatedValues[] is not an object");
                }
                else
                {
                    Translated(entry, $"{name}.translatedValues[]", problems);
                }
            }
        }
    }

    private static void Translated(JsonObject entry, string name, List<string> problems)
    {
        Unknown(entry, ["kind", "language", "value"], name, problems);
        if (String(entry, "language", problems, required: true) is { } language && !Language().IsMatch(language))
        {
            problems.Add($"{name}.language {language} is not a BCP 47 tag");
        }

        String(entry, "value", problems, required: true);
    }

    private static void Id(JsonObject body, string name, string issuerId, List<string> problems)
    {
        if (String(body, name, problems, required: true) is { } id && (!id.StartsWith(issuerId + ".", StringComparison.Ordinal) || !ResourceId().IsMatch(id)))
        {
            problems.Add($"{name} {id} is not issuerId.suffix (letters, digits, '.', '_', '-')");
        }
    }

    private static void RequiredString(JsonObject body, string name, List<string> problems)
    {
        if (String(body, name, problems, required: true) is "")
        {
            problems.Add($"{name} is empty");
        }
    }

    private static void OptionalString(JsonObject body, string name, List<string> problems) => String(body, name, problems, required: false);

    private static string? String(JsonObject body, string name, List<string> problems, bool required)
    {
        if (body[name] is not { } node)
        {
            if (required)
            {
                problems.Add($"{name} is required");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{name} is {node.GetValueKind()}, not a string");
            return null;
        }

        return node.GetValue<string>();
    }

    private static void Unknown(JsonObject body, IReadOnlyCollection<string> known, string what, List<string> problems)
    {
        foreach (var (name, _) in body)
        {
            if (!known.Contains(name))
            {
                problems.Add($"{what} has no field {name}");
            }
        }
    }

    [GeneratedRegex(@"^\d+\.[A-Za-z0-9._-]+$")]
    private static partial Regex ResourceId();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Language();
}
