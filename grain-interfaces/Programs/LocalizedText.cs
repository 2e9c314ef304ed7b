namespace Loyalty.GrainInterfaces.Programs;

/// <summary>
/// A text in several languages (keys: <see cref="Locales.Supported"/>). <see cref="Resolve"/> falls back from the
/// exact locale to its language ("fr-LU" to "fr"), then to <see cref="DefaultLocale"/>.
/// </summary>
[GenerateSerializer]
[Alias("loyalty.programs.LocalizedText")]
public sealed record LocalizedText(
    [Id(0)] IReadOnlyDictionary<string, string> Texts,
    [Id(1)] string DefaultLocale = Locales.Default)
{
    public static LocalizedText Empty { get; } = new(new Dictionary<string, string>());

    public string? Resolve(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            if (Find(locale) is { } exact)
                return exact;
            var dash = locale.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && Find(locale[..dash]) is { } language)
                return language;
        }

        return Find(DefaultLocale);
    }

    private string? Find(string locale)
    {
        foreach (var (key, text) in Texts)
        {
            if (string.Equals(key, locale, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(text))
                return text;
        }

        return null;
    }
}
