using Deque.AxeCore.Playwright;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.Web.Admin;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Catalog;

/// <summary>
/// The catalogue pages in Chromium: an owner creates a store and a stamps program (previewing it first) and the
/// storefront shows both; axe finds no serious or critical violation. Screenshots go where LOYALTY_SCREENSHOTS says.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CatalogBrowserTests(SiteApp app)
{
    [Fact]
    public async Task Owner_CreatesStoreAndStampsProgram_StorefrontShowsThem()
    {
        var merchant = await app.Catalog.CreateMerchantAsync("Café Catalogue");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.MerchantOwner, merchant.Id);
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;

        await page.GotoAsync("/admin/merchants");
        Assert.Equal(new Uri(app.BaseAddress, $"admin/merchants/{merchant.Id:D}").ToString(), page.Url);
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "New store" }).ClickAsync());
        await page.Locator("#Form_Name").FillAsync("Gare");
        await page.Locator("#Form_Slug").FillAsync("gare");
        await page.Locator("#Form_TimeZone").SelectOptionAsync("Europe/Paris");
        await page.Locator("#Form_Descriptions_En").FillAsync("By the station");
        await page.Locator("#Form_Descriptions_Fr").FillAsync("Près de la gare");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Create store" }).ClickAsync());
        Assert.Equal("Store Gare created.", await page.Locator(".flash").TextContentAsync());

        await page.GotoAsync($"/admin/merchants/{merchant.Id:D}/programs/new");
        await page.Locator("#Form_Name").FillAsync("Coffee card");
        await page.Locator("#Form_Kind").SelectOptionAsync("stamps");
        await page.Locator("#Form_StampsRequired").FillAsync("8");
        await page.Locator("#Form_StampRewardName").FillAsync("Free coffee");
        await page.Locator("#PreviewLanguage").SelectOptionAsync("fr");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());
        var preview = page.Locator(".catalog-preview");
        Assert.Equal("fr", await preview.GetAttributeAsync("lang"));
        Assert.Equal("Cumulez 8 tampons et recevez : Free coffee.", await preview.Locator(".program .offer li").TextContentAsync());
        Assert.Equal("8", await page.Locator("#Form_StampsRequired").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "admin-program-editor.png"), FullPage = true });
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync());
        Assert.Equal("Program Coffee card created.", await page.Locator(".flash").TextContentAsync());

        await page.GotoAsync($"/admin/merchants/{merchant.Id:D}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "admin-merchant.png"), FullPage = true });
        await page.GotoAsync($"/m/{merchant.Slug}?lang=fr");
        Assert.Equal(["Coffee card"], await page.Locator("li.program h3").AllTextContentsAsync());
        Assert.Equal(["Cumulez 8 tampons et recevez : Free coffee."], await page.Locator("li.program .offer li").AllTextContentsAsync());
        Assert.Equal("Près de la gare", await page.Locator("section[aria-labelledby=stores-heading] li p").TextContentAsync());
    }

    [Fact]
    public async Task CatalogPages_HaveNoSeriousOrCriticalViolations()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);
        var problems = new List<string>();
        var home = $"/admin/merchants/{merchant.Id:D}";

        foreach (var path in new[] { "/admin/merchants", home, $"{home}/stores/new", $"{home}/programs/new", $"{home}/programs/{programId:D}" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        await page.GotoAsync($"{home}/programs/{programId:D}");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "program preview"));
        await page.Locator("#Form_Name").FillAsync("");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync());
        Assert.Equal("Required.", await page.Locator("#Form_Name-error").TextContentAsync());
        problems.AddRange(await ViolationsAsync(page, "program with errors"));
        await page.GotoAsync($"{home}/stores/new");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Create store" }).ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "store with errors"));

        Assert.Empty(problems);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{name}: {violation.Id} ({violation.Impact}): {violation.Help}: {string.Join(" | ", violation.Nodes.Select(node => node.Html))}");
    }
}
