using Loyalty.Browser.Tests.Hosting;
using Loyalty.Browser.Tests.Portal;
using Loyalty.Web.Admin;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Admin.Foundation;

/// <summary>
/// The admin site's sign-in in Chromium: lockout, sign-out, the forgot and reset password journey, accessibility of the
/// sign-in, accounts and audit pages (light and dark), and the README's screenshots.
/// </summary>
public sealed class AdminFoundationBrowserTests(AdminFoundationSite app) : IClassFixture<AdminFoundationSite>
{
    [Fact]
    public async Task SignIn_WrongPasswordEveryTime_LocksTheAccountAndThePageSaysUntilWhen()
    {
        var account = await AdminBrowser.CreateAccountAsync(app, AdminPrincipal.PlatformAdmin);
        var page = await app.NewPageAsync();

        for (var i = 1; i < AdminFoundationSite.MaxFailedAttempts; i++)
        {
            await AdminBrowser.SignInAsync(page, account.Email, $"not my password {i}");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail or password is wrong.");
        }

        await AdminBrowser.SignInAsync(page, account.Email, "not my password either");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Too many wrong passwords: this account is locked until 2026-03-02 09:45 UTC. Try again then.");
        await AdminBrowser.SignInAsync(page, account.Email, AdminBrowser.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked until 2026-03-02 09:45 UTC");
        Assert.EndsWith("/admin/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ThenSignOut_ShowsTheNavigationAndThenTheSignInPage()
    {
        var (page, account) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {account.DisplayName}");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Dashboard", "Merchants", "Cards", "Staff PINs", "Devices", "Audit log", "E-mail", "Wallet", "Cluster", "Accounts"]);
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You are signed out." })).ToBeVisibleAsync();
        await page.GotoAsync("/admin/accounts");
        Assert.Equal("/admin/sign-in", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task ForgotPassword_LinkByEmail_SetsANewPasswordThatSignsIn()
    {
        var account = await AdminBrowser.CreateAccountAsync(app, AdminPrincipal.PlatformAdmin);
        var page = await app.NewPageAsync();
        const string NewPassword = "a password from the e-mail";

        await page.GotoAsync("/admin/sign-in");
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync());
        await page.Locator("#Email").FillAsync(account.Email);
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = account.Email })).ToBeVisibleAsync();
        await page.GotoAsync((await app.LatestResetLinkAsync(account.Email))!);
        await page.Locator("#NewPassword").FillAsync(NewPassword);
        await page.Locator("#ConfirmPassword").FillAsync(NewPassword);
        await JoinForm.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync());

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your new password is set: sign in with it." })).ToBeVisibleAsync();
        var signedIn = await AdminBrowser.SignInAsync(page, account.Email, NewPassword);
        Assert.Equal(new Uri(app.BaseAddress, "admin").ToString(), signedIn.Url);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task SignInAccountsAndAuditPages_HaveNoSeriousAccessibilityViolations(ColorScheme scheme)
    {
        var anonymous = await app.NewPageAsync();
        await anonymous.EmulateMediaAsync(new() { ColorScheme = scheme });
        await anonymous.GotoAsync("/admin/sign-in");
        await PortalSite.AssertAccessibleAsync(anonymous);
        await AdminBrowser.SignInAsync(anonymous, $"{Guid.NewGuid():N}@example.com", "wrong password here");
        await PortalSite.AssertAccessibleAsync(anonymous);

        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        foreach (var path in new[] { "/admin", "/admin/accounts", "/admin/accounts/new", "/admin/audit", "/admin/change-password", "/admin/forgot-password" })
        {
            await page.GotoAsync(path);
            await PortalSite.AssertAccessibleAsync(page);
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task SignInAndAccounts_FitTheWidthAndArePhotographed(int width)
    {
        await AdminBrowser.CreateAccountAsync(app, AdminPrincipal.PlatformAdmin, displayName: "Anna Weber");
        var (page, _) = await AdminBrowser.SignedInPageAsync(app, AdminPrincipal.PlatformAdmin, width: width, height: width < 600 ? 780 : 900);
        var anonymous = await app.NewPageAsync(width: width, height: width < 600 ? 780 : 900);
        using var temporary = Loyalty.Testing.TemporaryDirectory.Create("loyalty-screenshots-");
        var folder = width < 600 || Environment.GetEnvironmentVariable("LOYALTY_SCREENSHOTS") is not { Length: > 0 } kept ? temporary.Path : kept;

        await anonymous.GotoAsync("/admin/sign-in");
        await ShootAsync(anonymous, width, Path.Combine(folder, "admin-sign-in.png"));
        await page.GotoAsync("/admin/accounts");
        await ShootAsync(page, width, Path.Combine(folder, "admin-accounts.png"));
    }

    private static async Task ShootAsync(IPage page, int width, string path)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{page.Url} scrolls sideways at {width} px");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0);
    }
}
