using System.Net;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>
/// A browser of the admin site for server tests: an HttpClient that keeps cookies and does not follow redirects, signed
/// in through the real sign-in form (antiforgery token included) with an account created directly in the account store.
/// </summary>
public sealed partial class AdminSiteClient : IDisposable
{
    /// <summary>The password of every account these helpers create, unless a test gives another.</summary>
    public const string Password = "correct horse battery staple";

    private AdminSiteClient(HttpClient http, AdminAccount account)
    {
        Http = http;
        Account = account;
    }

    public HttpClient Http { get; }

    /// <summary>The signed-in account.</summary>
    public AdminAccount Account { get; }

    /// <summary>
    /// A new account of <paramref name="role"/> with a unique e-mail (platform admins name no merchant; owners a
    /// merchant; store staff a merchant and one of its stores), created through <see cref="AdminAccountStore"/>.
    /// </summary>
    public static async Task<AdminAccount> CreateAccountAsync(
        WebApp app, string role, Guid? merchantId = null, Guid? storeId = null, string password = Password, bool mustChangePassword = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<AdminAccountStore>();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (outcome, account) = await store.CreateAsync(
            new NewAdminAccount($"{role}.{suffix}@example.com", $"{Name(role)} {suffix}", role, merchantId, storeId),
            password, mustChangePassword, AuditActors.System, CancellationToken.None);
        Assert.Equal(AdminAccountCreateOutcome.Created, outcome);
        return account!;
    }

    /// <summary>A new account of <paramref name="role"/>, signed in.</summary>
    public static async Task<AdminSiteClient> CreateSignedInAsync(WebApp app, string role, Guid? merchantId = null, Guid? storeId = null) =>
        await SignInAsync(app, await CreateAccountAsync(app, role, merchantId, storeId));

    /// <summary>Signs <paramref name="account"/> in through the sign-in form; the answer must be the redirect to the admin home.</summary>
    public static async Task<AdminSiteClient> SignInAsync(WebApp app, AdminAccount account, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(account);
        var http = Browser(app);
        var response = await SubmitSignInAsync(http, account.Email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(account.MustChangePassword ? "/admin/change-password?returnUrl=%2Fadmin" : "/admin", response.Headers.Location?.OriginalString);
        return new AdminSiteClient(http, account);
    }

    /// <summary>A browser with no session yet (cookies kept, redirects not followed), asking for <paramref name="language"/>.</summary>
    public static HttpClient Browser(WebApp app, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreatePageClient(language);
    }

    /// <summary>Posts the sign-in form (e-mail, password, optional return address) as a browser does.</summary>
    public static Task<HttpResponseMessage> SubmitSignInAsync(HttpClient browser, string email, string password, string? returnUrl = null) =>
        PostFormAsync(
            browser,
            returnUrl is null ? AdminPaths.SignIn : AdminPaths.SignInWithReturn(returnUrl),
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl ?? "" });

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>The page's HTML; the answer must be 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>Opens <paramref name="page"/> and posts its form (to <paramref name="action"/>, or the page itself) with the page's antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string page, IReadOnlyDictionary<string, string> fields, string? action = null) =>
        PostFormAsync(Http, page, fields, action);

    /// <summary>Signs out through the layout's sign-out form.</summary>
    public Task<HttpResponseMessage> SignOutAsync() => PostFormAsync(AdminPaths.Root, new Dictionary<string, string>(), AdminPaths.SignOut);

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var token = await FormTokenAsync(browser, page);
        return await browser.PostAsync(action ?? page, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The antiforgery token of a form on <paramref name="page"/> (the browser keeps its cookie).</summary>
    public static async Task<string> FormTokenAsync(HttpClient browser, string page)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var response = await browser.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"{page} ({(int)response.StatusCode} {response.Headers.Location}) has no form with an antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public void Dispose() => Http.Dispose();

    private static string Name(string role) => role switch
    {
        AdminPrincipal.PlatformAdmin => "Pat Admin",
        AdminPrincipal.MerchantOwner => "Olivia Owner",
        _ => "Sam Staff",
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
