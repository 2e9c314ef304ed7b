using System.Collections;
using System.Globalization;
using System.Resources;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite;

namespace Loyalty.Web.Tests.AdminSite.Catalog;

/// <summary>Every catalogue page text exists in every language, none empty.</summary>
public sealed class CatalogStringsTests
{
    [Fact]
    public void Resources_EveryLanguage_HasTheSameKeysAndNoEmptyText()
    {
        var resources = new ResourceManager(typeof(CatalogStrings).FullName!, typeof(CatalogStrings).Assembly);
        var english = Keys(resources, CultureInfo.InvariantCulture);

        Assert.Equal(87, english.Count);
        foreach (var language in Locales.Supported.Where(language => language != Locales.Default))
        {
            var translated = Keys(resources, CultureInfo.GetCultureInfo(language));
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(translated, pair => string.IsNullOrWhiteSpace(pair.Value));
        }
    }

    private static Dictionary<string, string> Keys(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {culture.Name}.");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
    }
}
