using System.Net;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>The admin site's sign-in: the cookie, one message for every wrong answer, lockout on the clock, return addresses.</summary>
public sealed class AdminSignInTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    private const string WrongMessage = "The e-mail or password is wrong.";

    [Fact]
    public async Task SignIn_RightPassword_SetsTheStrictHttpOnlyCookieAndOpensTheAdminHome()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);

        var response = await AdminSiteClient.SubmitSignInAsync(browser, account.Email.ToUpperInvariant(), AdminSiteClient.Password);
        var home = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith("loyalty-admin=", StringComparison.Ordinal));
        Assert.Equal(["httponly", "path=/admin", "samesite=strict"], cookie.Split("; ").Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"<h1>Welcome, {account.DisplayName}</h1>", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.QueryScalarAsync<bool>("SELECT last_sign_in_at = $2 FROM admin_accounts WHERE account_id = $1", account.Id, app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownEmail_AnswersTheSameMessageAndCountsOnlyTheAccountsFailure()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);

        var wrong = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, "not the password at all");
        var unknown = await AdminSiteClient.SubmitSignInAsync(browser, $"{Guid.NewGuid():N}@example.com", AdminSiteClient.Password);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (wrong.StatusCode, unknown.StatusCode));
        Assert.Contains($"<p class=\"errors-summary\" role=\"alert\">{WrongMessage}</p>", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"<p class=\"errors-summary\" role=\"alert\">{WrongMessage}</p>", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("loyalty-admin=", StringComparison.Ordinal)));
        Assert.Equal(1, await app.QueryScalarAsync<int>("SELECT failed_attempts FROM admin_accounts WHERE account_id = $1", account.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData("", "pw", "Email", "Enter a valid e-mail address, such as name@example.com.")]
    [InlineData("a@b@example.com", "pw", "Email", "Enter a valid e-mail address, such as name@example.com.")]
    [InlineData("someone@example.com", "", "Password", "Enter your password.")]
    public async Task SignIn_MissingOrInvalidField_AnswersTheFieldError(string email, string password, string field, string error)
    {
        using var browser = AdminSiteClient.Browser(app.App);

        var response = await AdminSiteClient.SubmitSignInAsync(browser, email, password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<span id=\"{field}-error\" class=\"field-error\">{error}</span>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);

        var response = await browser.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email, ["Password"] = AdminSiteClient.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.QueryScalarAsync<DateTimeOffset?>("SELECT last_sign_in_at FROM admin_accounts WHERE account_id = $1", account.Id));
    }

    [Fact]
    public async Task SignIn_TooManyWrongPasswords_LocksTheAccountUntilTheLockoutEndsEvenForTheRightPassword()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.MerchantOwner, (await app.CreateStoreAsync()).MerchantId);
        using var browser = AdminSiteClient.Browser(app.App);
        for (var i = 1; i < AdminSiteApp.MaxFailedAttempts; i++)
            Assert.Contains(WrongMessage, await (await AdminSiteClient.SubmitSignInAsync(browser, account.Email, $"wrong password {i}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lockedUntil = app.Clock.GetUtcNow() + AdminSiteApp.LockoutDuration;
        var expected = $"Too many wrong passwords: this account is locked until {lockedUntil.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Try again then.";

        var last = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, "wrong password again");
        app.Clock.Advance(AdminSiteApp.LockoutDuration - TimeSpan.FromSeconds(1));
        var rightButLocked = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, AdminSiteClient.Password);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterLockout = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, AdminSiteClient.Password);

        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains(expected, await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rightButLocked.StatusCode);
        Assert.Contains(expected, await rightButLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.Equal((0, (DateTimeOffset?)null), (
            await app.QueryScalarAsync<int>("SELECT failed_attempts FROM admin_accounts WHERE account_id = $1", account.Id),
            await app.QueryScalarAsync<DateTimeOffset?>("SELECT locked_until FROM admin_accounts WHERE account_id = $1", account.Id)));
    }

    [Theory]
    [InlineData("/admin/cards?q=emma%40example.com", "/admin/cards?q=emma%40example.com")]
    [InlineData("/admin", "/admin")]
    [InlineData("https://evil.example/admin", "/admin")]
    [InlineData("//evil.example/admin", "/admin")]
    [InlineData("/\\evil.example/admin", "/admin")]
    [InlineData("/m/shop/portal", "/admin")]
    [InlineData("/admin/../m/shop", "/admin")]
    [InlineData("/administrator", "/admin")]
    [InlineData("/admin/sign-in", "/admin")]
    public async Task SignIn_ReturnUrl_FollowsOnlyLocalAdminPaths(string returnUrl, string location)
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);

        var response = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, AdminSiteClient.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdminPage_WithoutSession_RedirectsToSignInWithTheAddressToReturnTo()
    {
        using var browser = AdminSiteClient.Browser(app.App);

        var response = await browser.GetAsync("/admin/change-password?from=menu");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2Fchange-password%3Ffrom%3Dmenu", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSessionAndShowsTheSignInPage()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var response = await admin.SignOutAsync();
        var home = await admin.GetAsync("/admin");
        var signIn = await admin.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?signedOut=true", response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("<p class=\"notice\" role=\"status\">You are signed out.</p>", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_InFrench_ShowsTheFrenchMessage()
    {
        using var browser = AdminSiteClient.Browser(app.App, "fr");

        var response = await AdminSiteClient.SubmitSignInAsync(browser, $"{Guid.NewGuid():N}@example.com", "whatever it is");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("L’e-mail ou le mot de passe est incorrect.", html, StringComparison.Ordinal);
    }
}
