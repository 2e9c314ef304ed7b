using Loyalty.Browser.Tests.Hosting;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Storefront;

public sealed class EnrolmentRateLimitTests(RateLimitedSiteApp app) : IClassFixture<RateLimitedSiteApp>
{
    [Fact]
    public async Task Enrol_MoreSubmissionsThanTheLimit_AnswersTheLocalizedTooManyAttemptsPage()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("de");
        for (var i = 0; i < RateLimitedSiteApp.EnrollmentsPerMinute; i++)
        {
            await page.GotoAsync(JoinForm.PathOf(merchant, programId));
            Assert.Equal(400, (await new JoinForm(page).SubmitAsync()).Status);
        }

        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        await new JoinForm(page).FillAsync("Eva Braun", "eva@example.com");
        var refused = await new JoinForm(page).SubmitAsync();

        Assert.Equal(429, refused.Status);
        Assert.NotNull(await refused.HeaderValueAsync("retry-after"));
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zu viele Versuche");
        Assert.Equal(0, await app.CountCardsAsync(programId));

        var form = await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        Assert.Equal(200, form!.Status);
    }
}
