using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>A text in each of the site's four languages, as a form edits it (store descriptions, program terms).</summary>
public sealed class LocalizedTexts
{
    public string? En { get; set; }

    public string? Fr { get; set; }

    public string? De { get; set; }

    public string? Lb { get; set; }

    public static LocalizedTexts From(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new LocalizedTexts
        {
            En = texts.GetValueOrDefault("en"),
            Fr = texts.GetValueOrDefault("fr"),
            De = texts.GetValueOrDefault("de"),
            Lb = texts.GetValueOrDefault("lb"),
        };
    }

    /// <summary>The filled-in texts by locale; an empty box means no text in that language.</summary>
    public IReadOnlyDictionary<string, string?> ToDictionary()
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var locale in Locales.Supported)
        {
            var text = Get(locale);
            if (!string.IsNullOrWhiteSpace(text))
                texts[locale] = text;
        }

        return texts;
    }

    public string? Get(string locale) => locale switch
    {
        "en" => En,
        "fr" => Fr,
        "de" => De,
        "lb" => Lb,
        _ => null,
    };
}
