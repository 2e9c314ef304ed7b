using System.Net;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Operations;

/// <summary><c>/admin/cluster</c>: the co-hosted silo with its activations, for platform admins only; the dashboard behind it.</summary>
public sealed class ClusterPageTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task PlatformAdmin_SeesTheActiveSiloAndOpensTheDashboardWithTheCookie()
    {
        // A store's creation activates its grain, so the silo has a StoreGrain activation to list.
        await app.CreateStoreAsync();
        using var platform = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.PlatformAdmin);

        var html = await platform.GetPageAsync("/admin/cluster");
        var dashboard = await platform.GetAsync("/admin/orleans/");

        Assert.Contains("<span class=\"badge ok\">Active</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button secondary\" href=\"/admin/orleans/\">Open the Orleans dashboard</a>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\"><code>StoreGrain</code></th>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task OwnersAndStoreStaff_GetTheNotFoundPage()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);

        var ownerAnswer = await owner.GetAsync("/admin/cluster");
        var staffAnswer = await staff.GetAsync("/admin/cluster");

        Assert.Equal(HttpStatusCode.NotFound, ownerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffAnswer.StatusCode);
        Assert.DoesNotContain("Silos", await ownerAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
