using Loyalty.Grains.Programs;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Programs;

public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Terms = new(
        new Dictionary<string, string> { ["en"] = "Terms", ["fr"] = "Conditions", ["de"] = "" }, DefaultLocale: "en");

    [Theory]
    [InlineData("fr", "Conditions")]
    [InlineData("FR", "Conditions")]
    [InlineData("fr-LU", "Conditions")]
    [InlineData("lb", "Terms")]
    [InlineData("de", "Terms")]
    [InlineData(null, "Terms")]
    public void Resolve_Locale_FallsBackToDefaultLanguage(string? locale, string expected) =>
        Assert.Equal(expected, Terms.Resolve(locale));

    [Fact]
    public void Resolve_NoTexts_ReturnsNull() => Assert.Null(LocalizedText.Empty.Resolve("en"));
}
