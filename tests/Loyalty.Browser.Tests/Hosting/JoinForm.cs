using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Hosting;

/// <summary>The enrolment form of a program, filled in as a visitor does.</summary>
public sealed class JoinForm(IPage page)
{
    public static string PathOf(TestMerchant merchant, Guid programId) => $"/m/{merchant.Slug}/join/{programId}";

    public ILocator Name => page.Locator("#Form_Name");

    public ILocator Email => page.Locator("#Form_Email");

    public ILocator Phone => page.Locator("#Form_Phone");

    public ILocator Birthday => page.Locator("#Form_Birthday");

    public ILocator Terms => page.Locator("#Form_AcceptTerms");

    public ILocator Marketing => page.Locator("#Form_Marketing");

    public ILocator Submit => page.Locator("form button[type=submit]");

    public static ILocator ErrorOf(IPage page, string field) => page.Locator($"#Form_{field}-error");

    public async Task FillAsync(string name, string email, string? birthday = "1990-05-17", bool acceptTerms = true)
    {
        await Name.FillAsync(name);
        await Email.FillAsync(email);
        if (birthday is not null)
            await Birthday.FillAsync(birthday);
        if (acceptTerms)
            await Terms.CheckAsync();
    }

    /// <summary>Submits and waits for the page that answers (a redirect lands on the card page).</summary>
    public Task<IResponse> SubmitAsync() => NavigateAsync(page, () => Submit.ClickAsync());

    /// <summary>Runs <paramref name="action"/> and waits for the document it leads to (after any redirect) to load.</summary>
    public static async Task<IResponse> NavigateAsync(IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.RunAndWaitForResponseAsync(
            action, answer => answer.Request.IsNavigationRequest && answer.Status is < 300 or >= 400);
        // WaitForURL waits for that document's load event itself; a second wait for "load" can miss an event that
        // already fired and then time out (seen once on CI).
        await page.WaitForURLAsync(response.Url, new() { WaitUntil = WaitUntilState.Load });
        return response;
    }
}
