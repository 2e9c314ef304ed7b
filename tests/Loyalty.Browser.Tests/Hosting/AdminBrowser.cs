using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Hosting;

/// <summary>
/// The admin site in Chromium: accounts created directly through the account store, and pages signed in through the
/// real sign-in form.
/// </summary>
public static class AdminBrowser
{
    /// <summary>The password of every account these helpers create, unless a test gives another.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// A new account of <paramref name="role"/> with a unique e-mail (platform admins name no merchant; owners a merchant;
    /// store staff a merchant and one of its stores).
    /// </summary>
    public static async Task<AdminAccount> CreateAccountAsync(
        SiteApp app, string role, Guid? merchantId = null, Guid? storeId = null, string password = Password, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (outcome, account) = await app.Services.GetRequiredService<AdminAccountStore>().CreateAsync(
            new NewAdminAccount($"{role}.{suffix}@example.com", displayName ?? $"Admin {suffix}", role, merchantId, storeId),
            password, mustChangePassword: false, AuditActors.System, CancellationToken.None);
        Assert.Equal(AdminAccountCreateOutcome.Created, outcome);
        return account!;
    }

    /// <summary>A new page (its own cookies) signed in as a new account of <paramref name="role"/>, on the admin home.</summary>
    public static async Task<(IPage Page, AdminAccount Account)> SignedInPageAsync(
        SiteApp app, string role, Guid? merchantId = null, Guid? storeId = null, string language = "en", int width = 1280, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(app);
        var account = await CreateAccountAsync(app, role, merchantId, storeId);
        var page = await app.NewPageAsync(language, width, height);
        var response = await SignInAsync(page, account.Email, Password);
        Assert.Equal(new Uri(app.BaseAddress, "admin").ToString(), response.Url);
        return (page, account);
    }

    /// <summary>Fills and submits the sign-in form as a person does; the answer is the page it leads to (loaded).</summary>
    public static async Task<IResponse> SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(AdminPaths.SignIn);
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        return await JoinForm.NavigateAsync(page, () => page.Locator("main form button[type=submit]").ClickAsync());
    }
}
