using Loyalty.Browser.Tests.Hosting;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Site;

[Collection(SiteCollection.Name)]
public sealed class LayoutTests(SiteApp app)
{
    [Fact]
    public async Task Home_FrenchBrowser_AnswersAFrenchPageListingTheShops()
    {
        var merchant = await app.Catalog.CreateMerchantAsync("Épicerie du Marché");
        var page = await app.NewPageAsync("fr-LU");

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Cumulez des récompenses dans vos boutiques préférées");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Épicerie du Marché" }))
            .ToHaveAttributeAsync("href", $"/m/{merchant.Slug}");
    }

    [Fact]
    public async Task LanguageSwitcher_ChoosingGerman_KeepsGermanOnTheNextPages()
    {
        var page = await app.NewPageAsync("en");
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await page.GotoAsync("/");

        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deutsch" })).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task UnknownPage_LuxembourgishBrowser_AnswersTheLocalized404Page()
    {
        var page = await app.NewPageAsync("lb");

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("lb", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Säit net fonnt");
    }
}
