using System.Net;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Admin;

/// <summary>The Orleans dashboard shows every grain and silo: only platform admins may open it.</summary>
public sealed class OrleansDashboardTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Dashboard = "/admin/orleans/";

    [Fact]
    public async Task Dashboard_WithoutToken_IsUnauthorized()
    {
        using var client = app.CreateClient(bearerToken: null);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_UnknownToken_IsUnauthorized()
    {
        using var client = app.CreateClient("not-a-token-0123456789abcdefghijklmnop");

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_MerchantOwner_IsForbidden()
    {
        using var platform = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await AdminApi.CreateMerchantAsync(platform);
        var (ownerToken, _) = await AdminApi.CreateOwnerTokenAsync(app, merchantId);
        using var owner = app.CreateClient(ownerToken);

        var response = await owner.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_PlatformAdmin_ServesThePage()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
