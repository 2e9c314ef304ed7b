using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>Password reset by e-mail link: the outbox row, the same answer for strangers, single use, expiry, limits.</summary>
public sealed class PasswordResetTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    private const string NewPassword = "a fresh reset passphrase";

    [Fact]
    public async Task Request_KnownEmail_WritesTheOutboxRowAndStoresOnlyTheTokensHash()
    {
        var store = await app.CreateStoreAsync();
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var now = app.Clock.GetUtcNow();
        using var browser = AdminSiteClient.Browser(app.App, "fr");

        var response = await RequestAsync(browser, account.Email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payload = (await PayloadAsync(account.Email))!.Value;
        Assert.Equal(["displayName", "email", "expiresAt", "link", "locale"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(account.Email, payload.GetProperty("email").GetString());
        Assert.Equal(account.DisplayName, payload.GetProperty("displayName").GetString());
        Assert.Equal("fr", payload.GetProperty("locale").GetString());
        Assert.Equal(now.AddMinutes(30), payload.GetProperty("expiresAt").GetDateTimeOffset());
        var link = new Uri(payload.GetProperty("link").GetString()!);
        Assert.Equal("http://127.0.0.1:5080/admin/reset-password", link.GetLeftPart(UriPartial.Path));
        var token = link.Query["?token=".Length..];
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4)).Length);
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM admin_password_reset_tokens WHERE token_hash = $1 AND account_id = $2 AND expires_at = $3 AND consumed_at IS NULL",
            SHA256.HashData(Encoding.UTF8.GetBytes(token)), account.Id, now.AddMinutes(30)));
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE topic = 'admin-password-reset' AND merchant_id = $1 AND card_number IS NULL", store.MerchantId));
    }

    [Fact]
    public async Task Request_UnknownEmail_AnswersTheSamePageAndWritesNothing()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        var unknown = $"{Guid.NewGuid():N}@example.com";
        using var browser = AdminSiteClient.Browser(app.App);
        var before = await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'admin-password-reset'");

        var known = await RequestAsync(browser, account.Email);
        var stranger = await RequestAsync(browser, unknown);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, stranger.StatusCode));
        Assert.Equal(
            WithoutToken(await known.Content.ReadAsStringAsync()).Replace(account.Email, "ADDRESS", StringComparison.Ordinal),
            WithoutToken(await stranger.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS", StringComparison.Ordinal));
        Assert.Equal(before + 1, await app.QueryScalarAsync<long>("SELECT count(*) FROM outbox WHERE topic = 'admin-password-reset'"));
    }

    [Fact]
    public async Task Reset_WithTheLink_SetsThePasswordClearsTheLockoutEndsSessionsAndWorksOnce()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var session = await AdminSiteClient.SignInAsync(app.App, account);
        using var browser = AdminSiteClient.Browser(app.App);
        for (var i = 0; i < AdminSiteApp.MaxFailedAttempts; i++)
            await AdminSiteClient.SubmitSignInAsync(browser, account.Email, $"wrong {i}");
        await RequestAsync(browser, account.Email);
        var link = await LinkAsync(account.Email);

        var opened = await browser.GetAsync(link);
        var reset = await AdminSiteClient.PostFormAsync(browser, link, new Dictionary<string, string> { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        var again = await browser.GetAsync(link);
        var signedIn = await AdminSiteClient.SubmitSignInAsync(browser, account.Email, NewPassword);
        var oldSession = await session.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/admin/sign-in?reset=true", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This link no longer works", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oldSession.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'admin-account.password-reset' AND subject_id = $1 AND actor = $2", account.Id.ToString(), $"account:{account.Id}"));
    }

    [Fact]
    public async Task Reset_ThirtyMinutesOld_IsRefusedAndJustBeforeItWorks()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);
        await RequestAsync(browser, account.Email);
        var late = await LinkAsync(account.Email);
        await RequestAsync(browser, account.Email);
        var inTime = await LinkAsync(account.Email);
        var lateToken = await AdminSiteClient.FormTokenAsync(browser, late);

        app.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var done = await AdminSiteClient.PostFormAsync(browser, inTime, new Dictionary<string, string> { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await browser.PostAsync(late, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewPassword"] = "yet another passphrase", ["ConfirmPassword"] = "yet another passphrase", ["__RequestVerificationToken"] = lateToken,
        }));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSiteClient.SubmitSignInAsync(AdminSiteClient.Browser(app.App), account.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Reset_PasswordsDiffer_AnswersTheFieldErrorAndSpendsNothing()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);
        await RequestAsync(browser, account.Email);
        var link = await LinkAsync(account.Email);

        var response = await AdminSiteClient.PostFormAsync(browser, link, new Dictionary<string, string> { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = "something else entirely" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<span id=\"ConfirmPassword-error\" class=\"field-error\">The two new passwords differ.</span>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Request_OverThePerEmailLimit_Answers429AndSendsNoMoreLinks()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var browser = AdminSiteClient.Browser(app.App);
        for (var i = 0; i < AdminSiteApp.ResetsPerEmailPerHour; i++)
            Assert.Equal(HttpStatusCode.OK, (await RequestAsync(browser, account.Email)).StatusCode);

        var over = await RequestAsync(browser, account.Email);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("Too many requests. Wait a little, then try again.", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((long)AdminSiteApp.ResetsPerEmailPerHour, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE topic = 'admin-password-reset' AND payload->>'email' = $1", account.Email));
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient browser, string email) =>
        AdminSiteClient.PostFormAsync(browser, "/admin/forgot-password", new Dictionary<string, string> { ["Email"] = email });

    private async Task<JsonElement?> PayloadAsync(string email)
    {
        var json = await app.QueryScalarAsync<string>(
            "SELECT payload::text FROM outbox WHERE topic = 'admin-password-reset' AND payload->>'email' = $1 ORDER BY id DESC LIMIT 1", email);
        return json is null ? null : JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The newest reset link sent to the address, as a path and query on this site.</summary>
    private async Task<string> LinkAsync(string email) => new Uri((await PayloadAsync(email))!.Value.GetProperty("link").GetString()!).PathAndQuery;

    private static string WithoutToken(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN");
}
