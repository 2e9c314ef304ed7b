using System.Text.Json.Nodes;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Wallet.Passes;

/// <summary>Google's shared JSON shapes: LocalizedString, Image, TextModuleData.</summary>
internal static class WalletJson
{
    /// <summary>A LocalizedString: <c>defaultValue</c> in English, <c>translatedValues</c> for fr, de and lb.</summary>
    public static JsonObject Localized(IReadOnlyDictionary<string, string> texts)
    {
        var translated = new JsonArray();
        foreach (var locale in Locales.Supported.Where(l => l != Locales.Default))
        {
            translated.Add(Translated(locale, texts[locale]));
        }

        return new JsonObject
        {
            ["kind"] = "walletobjects#localizedString",
            ["defaultValue"] = Translated(Locales.Default, texts[Locales.Default]),
            ["translatedValues"] = translated,
        };
    }

    public static JsonObject Image(Uri uri, string description) => new()
    {
        ["sourceUri"] = new JsonObject { ["uri"] = uri.AbsoluteUri },
        ["contentDescription"] = Localized(Locales.Supported.ToDictionary(l => l, _ => description, StringComparer.Ordinal)),
    };

    public static JsonObject TextModule(string id, IReadOnlyDictionary<string, string> header, IReadOnlyDictionary<string, string> body) => new()
    {
        ["id"] = id,
        ["header"] = header[Locales.Default],
        ["body"] = body[Locales.Default],
        ["localizedHeader"] = Localized(header),
        ["localizedBody"] = Localized(body),
    };

    private static JsonObject Translated(string language, string value) => new()
    {
        ["kind"] = "walletobjects#translatedString",
        ["language"] = language,
        ["value"] = value,
    };
}
