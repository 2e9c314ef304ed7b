using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>Who may open what: navigation by role, the platform-only dashboard, sessions ended by a new security stamp.</summary>
public sealed partial class AdminAccessTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task Navigation_EachRole_ShowsItsFixedLinks()
    {
        var store = await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);

        Assert.Equal(
            ["/admin", "/admin/merchants", "/admin/cards", "/admin/staff", "/admin/devices", "/admin/audit", "/admin/email", "/admin/wallet", "/admin/cluster", "/admin/accounts"],
            NavLinks(await platform.GetPageAsync("/admin")));
        Assert.Equal(
            ["/admin", "/admin/merchants", "/admin/cards", "/admin/staff", "/admin/devices", "/admin/audit", "/admin/email", "/admin/accounts"],
            NavLinks(await owner.GetPageAsync("/admin")));
        Assert.Equal(["/admin", "/admin/cards"], NavLinks(await staff.GetPageAsync("/admin")));
    }

    [Fact]
    public async Task OrleansDashboard_WithCookie_OpensForPlatformAdminsOnly()
    {
        var store = await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);
        using var anonymous = AdminSiteClient.Browser(app.App);

        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/admin/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/admin/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/orleans/")).StatusCode);
    }

    [Fact]
    public async Task AdminApi_WithCookieOnly_IsStillUnauthorized()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var response = await platform.GetAsync("/api/admin/v1/merchants");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PasswordChange_EndsTheAccountsOtherSessionsAndKeepsThisOne()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin);
        using var laptop = await AdminSiteClient.SignInAsync(app.App, account);
        using var phone = await AdminSiteClient.SignInAsync(app.App, account);
        const string NewPassword = "a brand new passphrase";

        var changed = await laptop.PostFormAsync("/admin/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = AdminSiteClient.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        var laptopHome = await laptop.GetAsync("/admin");
        var phoneHome = await phone.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, laptopHome.StatusCode);
        Assert.Contains("<p class=\"flash\">Your password is changed.</p>", await laptopHome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, phoneHome.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin", phoneHome.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await AdminSiteClient.SubmitSignInAsync(AdminSiteClient.Browser(app.App), account.Email, AdminSiteClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminSiteClient.SubmitSignInAsync(AdminSiteClient.Browser(app.App), account.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task SecurityStamp_ChangedInTheStore_RefusesTheOldCookie()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, (await app.CreateStoreAsync()).MerchantId);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);

        await app.App.Services.GetRequiredService<AdminAccountStore>().SetPasswordAsync(admin.Account.Id, "someone else set this one", CancellationToken.None);
        var after = await admin.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ChangePassword_Invalid_AnswersFieldErrorsAndChangesNothing()
    {
        using var admin = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);
        var stamp = admin.Account.SecurityStamp;

        var tooShort = await admin.PostFormAsync("/admin/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = AdminSiteClient.Password, ["NewPassword"] = "short", ["ConfirmPassword"] = "different",
        });
        var wrongCurrent = await admin.PostFormAsync("/admin/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password", ["NewPassword"] = "a long enough passphrase", ["ConfirmPassword"] = "a long enough passphrase",
        });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tooShort.StatusCode, wrongCurrent.StatusCode));
        var shortHtml = await tooShort.Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"NewPassword-error\" class=\"field-error\">Choose 12 to 200 characters.</span>", shortHtml, StringComparison.Ordinal);
        Assert.Contains("<span id=\"ConfirmPassword-error\" class=\"field-error\">The two new passwords differ.</span>", shortHtml, StringComparison.Ordinal);
        Assert.Contains("<span id=\"CurrentPassword-error\" class=\"field-error\">The current password is wrong.</span>", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(stamp, await app.QueryScalarAsync<string>("SELECT security_stamp FROM admin_accounts WHERE account_id = $1", admin.Account.Id));
    }

    [Fact]
    public async Task OneTimePassword_MustBeChangedBeforeAnyOtherPage()
    {
        var account = await AdminSiteClient.CreateAccountAsync(app.App, AdminPrincipal.PlatformAdmin, mustChangePassword: true);
        using var admin = await AdminSiteClient.SignInAsync(app.App, account);
        const string NewPassword = "my own long passphrase";

        var home = await admin.GetAsync("/admin");
        var changed = await admin.PostFormAsync("/admin/change-password?returnUrl=%2Fadmin", new Dictionary<string, string>
        {
            ["CurrentPassword"] = AdminSiteClient.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword, ["ReturnUrl"] = "/admin",
        });
        var homeAfter = await admin.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/admin/change-password?returnUrl=%2Fadmin", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
        Assert.False(await app.QueryScalarAsync<bool>("SELECT must_change_password FROM admin_accounts WHERE account_id = $1", account.Id));
    }

    [Fact]
    public void AdminPages_AllButTheSignInPages_DeriveFromAdminPageModel()
    {
        string[] open = ["SignInModel"];
        var pages = typeof(AdminPageModel).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("Loyalty.Web.Pages.Admin", StringComparison.Ordinal) == true
                && typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();

        Assert.NotEmpty(pages);
        Assert.Empty(pages.Where(type => !typeof(AdminPageModel).IsAssignableFrom(type) && !open.Contains(type.Name)).Select(type => type.FullName));
        Assert.Equal(open, pages.Where(type => !typeof(AdminPageModel).IsAssignableFrom(type)).Select(type => type.Name).Order(StringComparer.Ordinal));
    }

    private static List<string> NavLinks(string html)
    {
        var nav = NavBlock().Match(html);
        Assert.True(nav.Success, "The page has no admin navigation.");
        return [.. Href().Matches(nav.Value).Select(match => match.Groups[1].Value)];
    }

    [GeneratedRegex("<nav class=\"admin-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavBlock();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
