using System.Net;
using Loyalty.Web.Admin;

namespace Loyalty.Web.Tests.AdminSite.Email;

/// <summary>Who may open the e-mail pages: the log for platform admins and owners, templates and settings for platform admins only; others get the not-found page.</summary>
public sealed class EmailPagesAccessTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    private static readonly string[] PlatformPages = ["/admin/email/templates", "/admin/email/templates/enrollment/en", "/admin/email/settings"];

    [Fact]
    public async Task StoreStaff_AreRefusedEveryEmailPage()
    {
        var store = await app.CreateStoreAsync();
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);

        foreach (var path in PlatformPages.Prepend("/admin/email"))
        {
            var response = await staff.GetAsync(path);
            Assert.Equal((path, HttpStatusCode.NotFound), (path, response.StatusCode));
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MerchantOwner_OpensTheLog_ButIsRefusedTemplatesAndSettings()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin/email")).StatusCode);
        foreach (var path in PlatformPages)
        {
            var response = await owner.GetAsync(path);
            Assert.Equal((path, HttpStatusCode.NotFound), (path, response.StatusCode));
        }

        var save = await owner.PostFormAsync("/admin/email", new Dictionary<string, string>
        {
            ["Form.Host"] = "evil.example", ["Form.Port"] = "25", ["Form.Security"] = "None", ["Form.From"] = "evil@example.com",
        }, "/admin/email/settings");
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM email_settings"));
    }
}
