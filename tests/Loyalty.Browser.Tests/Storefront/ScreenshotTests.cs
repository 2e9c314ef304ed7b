using Loyalty.Browser.Tests.Hosting;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Storefront;

/// <summary>
/// The main pages at phone (360 px) and desktop width in two languages: none scrolls sideways, and each is
/// photographed. Set LOYALTY_SCREENSHOTS to a folder (the README's are in docs/screenshots) to keep the pictures;
/// without it they go to a temporary folder that is deleted.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ScreenshotTests(SiteApp app)
{
    public static TheoryData<string, int> Views => new()
    {
        { "en", 1280 },
        { "en", 360 },
        { "fr", 1280 },
        { "fr", 360 },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task MainPages_FitTheWidthAndArePhotographed(string language, int width)
    {
        var (merchant, programId) = await app.CreateDemoLikeShopAsync();
        var page = await app.NewPageAsync(language, width, width < 600 ? 780 : 900);
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-screenshots-");
        var folder = Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is { Length: > 0 } kept ? kept : temporary.Path;
        var device = width < 600 ? "phone" : "desktop";

        await page.GotoAsync($"/m/{merchant.Slug}");
        await ShootAsync(page, width, Path.Combine(folder, $"storefront-{language}-{device}.png"));
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        await ShootAsync(page, width, Path.Combine(folder, $"enrolment-{language}-{device}.png"));
        await new JoinForm(page).FillAsync("Camille Hoffmann", $"camille.{language}.{width}@example.com");
        await new JoinForm(page).SubmitAsync();
        await ShootAsync(page, width, Path.Combine(folder, $"card-{language}-{device}.png"));
    }

    private static async Task ShootAsync(IPage page, int width, string path)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{page.Url} scrolls sideways at {width} px");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }
}
