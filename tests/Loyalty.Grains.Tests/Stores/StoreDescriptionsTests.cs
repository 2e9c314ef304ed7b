using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Grains.Tests.Stores;

public sealed class StoreDescriptionsTests
{
    private static readonly Dictionary<string, string> All = new() { ["en"] = "Hello", ["fr"] = "Bonjour", ["de"] = "Hallo", ["lb"] = "Moien" };

    [Theory]
    [InlineData("fr", "de", "fr")]
    [InlineData("FR", "de", "fr")]
    [InlineData("lb-LU", "de", "lb")]
    [InlineData(null, "de", "de")]
    [InlineData("it", "de", "de")]
    [InlineData("it", null, "en")]
    public void TryResolve_AllLocales_PrefersRequestedThenMerchantDefault(string? requested, string? merchantDefault, string expected)
    {
        Assert.True(StoreDescriptions.TryResolve(All, requested, merchantDefault, out var locale, out var text));

        Assert.Equal(expected, locale);
        Assert.Equal(All[expected], text);
    }

    [Fact]
    public void TryResolve_NeitherRequestedNorDefaultNorEnglish_TakesAnyOther()
    {
        var only = new Dictionary<string, string> { ["de"] = "Hallo", ["lb"] = "Moien" };

        Assert.True(StoreDescriptions.TryResolve(only, "fr", "fr", out var locale, out var text));

        Assert.Equal("de", locale);
        Assert.Equal("Hallo", text);
    }

    [Fact]
    public void TryResolve_BlankTexts_AreSkipped()
    {
        var blank = new Dictionary<string, string> { ["fr"] = " ", ["en"] = "Hello" };

        Assert.True(StoreDescriptions.TryResolve(blank, "fr", "fr", out var locale, out _));

        Assert.Equal("en", locale);
    }

    [Fact]
    public void TryResolve_NoDescriptions_IsFalse()
    {
        Assert.False(StoreDescriptions.TryResolve(new Dictionary<string, string>(), "fr", "en", out var locale, out var text));

        Assert.Null(locale);
        Assert.Null(text);
    }
}
