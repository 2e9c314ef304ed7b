using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Loyalty.Email.Templates;

/// <summary>
/// Fills <c>{{name}}</c> placeholders. Values are escaped in the HTML part (a customer named <c>&lt;script&gt;</c> stays
/// text), left as they are in the subject (MIME encodes headers) and the plain-text part. A variable whose name ends in
/// <c>Html</c> is markup the platform made (the Google Wallet button), never customer input: it goes in as it is. Pure code.
/// </summary>
public static partial class TemplateRenderer
{
    // Escapes what HTML needs (<, >, &, quotes) but keeps letters of every script readable in the source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedEmail Render(TemplateContent template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return new RenderedEmail(
            Fill(template.Subject, values, escape: false).ReplaceLineEndings(" ").Trim(),
            Fill(template.Html, values, escape: true),
            Fill(template.Text, values, escape: false));
    }

    /// <summary>The variables a text uses that are not in <paramref name="allowed"/> (an admin's typo, caught on save).</summary>
    public static IReadOnlyList<string> UnknownVariables(string text, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        return [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !allowed.Contains(name)).Distinct(StringComparer.Ordinal)];
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool escape) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups["name"].Value, out var value)
            ? escape && !match.Groups["name"].Value.EndsWith("Html", StringComparison.Ordinal) ? Html.Encode(value) : value
            : string.Empty);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
