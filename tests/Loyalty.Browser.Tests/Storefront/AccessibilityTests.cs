using Deque.AxeCore.Playwright;
using Loyalty.Browser.Tests.Hosting;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Storefront;

/// <summary>axe-core in the page, on every storefront page, in light and dark mode: no serious or critical violation.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteApp app)
{
    public static TheoryData<string> Schemes => ["light", "dark"];

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task EveryStorefrontPage_HasNoSeriousOrCriticalViolations(string scheme)
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var empty = await app.Catalog.CreateMerchantAsync("Empty Shop");
        var page = await app.NewPageAsync("fr");
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var problems = new List<string>();

        foreach (var path in new[] { "/", $"/m/{merchant.Slug}", $"/m/{empty.Slug}", $"/m/{merchant.Slug}/programs/{programId}/terms", JoinForm.PathOf(merchant, programId), "/no/such/page" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        await new JoinForm(page).SubmitAsync();
        problems.AddRange(await ViolationsAsync(page, "join with errors"));
        await new JoinForm(page).FillAsync("Ada Hoffmann", "ada@example.com");
        await new JoinForm(page).SubmitAsync();
        problems.AddRange(await ViolationsAsync(page, "card"));

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
