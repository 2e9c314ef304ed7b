using System.Net;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;
using Loyalty.Web.Tests.Storefront;

namespace Loyalty.Web.Tests.AdminSite.Wallet;

/// <summary>
/// <c>/admin/wallet</c>: platform admins only (others get the 404 page); says plainly that Google Wallet is off, or which part of a configured one
/// is wrong (the Google side itself is tested against the fake in Loyalty.Wallet.Tests).
/// </summary>
public sealed class WalletCheckPageTests(AdminSiteApp app, GoogleWalletWebApp configured) : IClassFixture<AdminSiteApp>, IClassFixture<GoogleWalletWebApp>
{
    [Fact]
    public async Task Get_NotConfigured_SaysSoInTheAdminsLanguage()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var english = await platform.GetPageAsync("/admin/wallet");
        var french = await platform.GetPageAsync("/admin/wallet?lang=fr");

        Assert.Contains("<tr data-step=\"Configuration\" data-problem=\"NotConfigured\">", english, StringComparison.Ordinal);
        Assert.Contains("Google Wallet is not configured: set Loyalty:Wallet:Google:IssuerId, ServiceAccountKeyFile and LogoUrl.", english, StringComparison.Ordinal);
        Assert.Contains("No pass is failing.", english, StringComparison.Ordinal);
        Assert.Contains("Google Wallet n&#x27;est pas configuré", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_KeyFileMissingAndLogoUnreachable_NamesBothProblems()
    {
        using var platform = await AdminSiteClient.CreateSignedInAsync(configured.App, AdminPrincipal.PlatformAdmin);

        var page = await platform.GetPageAsync("/admin/wallet");

        Assert.Contains("Issuer 3388000000022000001", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-step=\"Token\" data-problem=\"KeyUnusable\">", page, StringComparison.Ordinal);
        Assert.Contains("The service-account key file cannot be used", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-step=\"Issuer\" data-problem=\"Skipped\">", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-step=\"Logo\" data-problem=\"LogoUnreachable\">", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-step=\"Resync\" data-problem=\"None\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MerchantOwner_AnswersTheNotFoundPage()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);

        var response = await owner.GetAsync("/admin/wallet");

        // The admin site answers pages out of reach with its 404 page: the address reveals nothing.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
