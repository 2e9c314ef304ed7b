using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Site;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Site;

/// <summary>Every site text exists in every language, and no page shows a resource key instead of a text.</summary>
public sealed partial class SiteStringsTests(WebApp app) : IClassFixture<WebApp>
{
    public static TheoryData<string> Languages => [.. Locales.Supported];

    [Fact]
    public void Resources_EveryLanguage_HasTheSameKeysAndNoEmptyText()
    {
        var resources = new ResourceManager(typeof(SiteStrings).FullName!, typeof(SiteStrings).Assembly);
        var english = Keys(resources, CultureInfo.InvariantCulture);

        Assert.True(english.Count > 50);
        foreach (var language in Locales.Supported.Where(language => language != Locales.Default))
        {
            var translated = Keys(resources, CultureInfo.GetCultureInfo(language));
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(translated, pair => string.IsNullOrWhiteSpace(pair.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task StorefrontPages_InEveryLanguage_ShowTextsNotKeys(string language)
    {
        var (slug, stampsProgram) = await app.CreateShopAsync();
        var (pointsSlug, pointsProgram) = await app.CreateShopAsync(ProgramKind.Points);
        using var client = app.CreatePageClient(language);
        var enrolled = await client.PostJoinFormAsync(pointsSlug, pointsProgram, new Dictionary<string, string>
        {
            ["Form.Name"] = "Ana", ["Form.Email"] = $"ana.{language}@example.com", ["Form.Language"] = language, ["Form.AcceptTerms"] = "true",
        });
        var invalid = await client.PostJoinFormAsync(slug, stampsProgram, new Dictionary<string, string> { ["Form.Email"] = "x" });
        string[] paths =
        [
            "/", $"/m/{slug}", $"/m/{pointsSlug}", $"/m/{slug}/join/{stampsProgram}", $"/m/{pointsSlug}/programs/{pointsProgram}/terms",
            $"/m/{slug}/programs/{stampsProgram}/terms", enrolled.Headers.Location!.OriginalString, "/no/such/page",
            "/error/400", "/error/410", "/error/429", "/error/500",
        ];

        var pages = new List<(string Path, string Html)> { ("join with errors", await invalid.Content.ReadAsStringAsync()) };
        foreach (var path in paths)
        {
            var response = await client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang={language}");
            pages.Add((path, await response.Content.ReadAsStringAsync()));
        }

        foreach (var (path, html) in pages)
        {
            Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
            var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
            Assert.False(ResourceKey().IsMatch(text), $"{path} in {language} shows the key {ResourceKey().Match(text).Value}");
        }
    }

    private static Dictionary<string, string?> Keys(ResourceManager resources, CultureInfo culture)
    {
        using var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => entry.Value as string);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    // The keys' shape (Area.Name), e.g. Join.Error.NameRequired; the texts never contain it.
    [GeneratedRegex(@"\b(Site|Layout|Home|Error|Merchant|Offer|Terms|Join|Card)\.[A-Z][A-Za-z]*")]
    private static partial Regex ResourceKey();
}
