using System.Globalization;
using System.Text.RegularExpressions;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.Browser.Tests.Portal;
using Loyalty.Web.Admin;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Dashboard;

/// <summary>The dashboard in Chromium: figures with data, the range changed by preset and by dates, axe, screenshots.</summary>
public sealed class DashboardBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    [Fact]
    public async Task Dashboard_ChangeRange_FiguresFollowAndPageStaysAccessible()
    {
        var (page, _) = await AdminBrowser.SignedInPageAsync(site, AdminPrincipal.MerchantOwner, site.Merchant.Id);

        // The default: the last 30 days, which hold all 21 days of operations.
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Dashboard · "));
        await Assertions.Expect(Stat(page, "enrolments")).ToHaveTextAsync(Number(site.Enrolments));
        await Assertions.Expect(page.Locator("figure.chart svg[role=img]")).ToHaveCountAsync(5);
        await PortalSite.AssertAccessibleAsync(page);

        // A preset: the last 7 days (17 to 23 March; the clock stands on 23 March, after the last operations).
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Last 7 days" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last 7 days" })).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("2026-03-17");
        await Assertions.Expect(Stat(page, "enrolments")).ToHaveTextAsync(Number(EnrolmentsOfDays(15, DashboardSite.Days - 1)));

        // Dates the wrong way round: a field error, no figures.
        await page.Locator("#from").FillAsync("2026-03-22");
        await page.Locator("#to").FillAsync("2026-03-02");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync());
        await Assertions.Expect(page.Locator("#to-error")).ToHaveTextAsync("The last day must not be before the first day.");
        await Assertions.Expect(page.Locator("#to")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("dl.stats")).ToHaveCountAsync(0);
        await PortalSite.AssertAccessibleAsync(page);

        // Chosen dates: the first ten days.
        await page.Locator("#from").FillAsync("2026-03-02");
        await page.Locator("#to").FillAsync("2026-03-11");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync());
        await Assertions.Expect(Stat(page, "enrolments")).ToHaveTextAsync(Number(EnrolmentsOfDays(0, 9)));
        await Assertions.Expect(page.Locator("#chart-enrolments tbody tr")).ToHaveCountAsync(10);
        await PortalSite.AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await PortalSite.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Dashboard_DesktopAndPhone_AreScreenshotted()
    {
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-dashboard-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;

        foreach (var (name, width, height) in new[] { ("admin-dashboard", 1280, 900), ("admin-dashboard-phone", 360, 780) })
        {
            var (page, _) = await AdminBrowser.SignedInPageAsync(site, AdminPrincipal.MerchantOwner, site.Merchant.Id, width: width, height: height);
            await JoinForm.NavigateAsync(page, () => page.GotoAsync("/admin?from=2026-03-02&to=2026-03-22"));
            await Assertions.Expect(page.Locator("figure.chart svg[role=img]")).ToHaveCountAsync(5);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"the dashboard scrolls sideways at {width} px");
            var path = Path.Combine(folder, $"{name}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is nearly empty");
            await page.Context.CloseAsync();
        }
    }

    private static ILocator Stat(IPage page, string name) => page.Locator($"[data-stat={name}] dd");

    private static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en"));

    // Day d of the data (0: 2 March) enrolled 1 + d % 4 cards.
    private static int EnrolmentsOfDays(int first, int last) => Enumerable.Range(first, last - first + 1).Sum(day => 1 + (day % 4));
}
