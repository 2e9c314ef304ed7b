using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Audit;

public sealed class AuditLogEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task GetAuditLog_AfterChanges_ListsThemNewestFirstWithTheirActors()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var (token, ownerTokenId) = await CreateOwnerTokenAsync(app, merchantId);
        using var owner = app.CreateClient(token);
        var store = await owner.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "Audited", slug = "audited" });
        var storeId = (await store.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var program = await admin.PostAsJsonAsync($"{Base}/merchants/{merchantId}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });
        var programId = (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var adminTokenId = await BootstrapTokenIdAsync(app);

        var log = await owner.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/audit-log");

        Assert.Equal(3, log.GetProperty("total").GetInt64());
        Assert.Equal(1, log.GetProperty("page").GetInt32());
        Assert.Equal(50, log.GetProperty("pageSize").GetInt32());
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["program.created", "store.created", "merchant.created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal([adminTokenId.ToString(), ownerTokenId.ToString(), adminTokenId.ToString()], items.Select(i => i.GetProperty("actor").GetString()));
        Assert.Equal([programId.ToString(), storeId.ToString(), merchantId.ToString()], items.Select(i => i.GetProperty("subjectId").GetString()));
        Assert.Equal(["program", "store", "merchant"], items.Select(i => i.GetProperty("subjectType").GetString()));
        Assert.Equal("audited", items[1].GetProperty("details").GetProperty("slug").GetString());
        Assert.Equal("stamps", items[0].GetProperty("details").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task GetAuditLog_Paging_ReturnsTheRequestedPage()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        foreach (var slug in new[] { "one", "two" })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = slug, slug })).StatusCode);

        var first = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/audit-log?page=1&pageSize=2");
        var second = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/audit-log?page=2&pageSize=2");

        Assert.Equal(["store.created", "store.created"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        Assert.Equal("two", first.GetProperty("items")[0].GetProperty("details").GetProperty("slug").GetString());
        Assert.Equal(["merchant.created"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(3, second.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=-1&pageSize=0", "page", "pageSize")]
    public async Task GetAuditLog_BadPaging_IsValidationProblem(string query, params string[] fields)
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);

        var response = await admin.GetAsync($"{Base}/merchants/{merchantId}/audit-log?{query}");

        await AssertValidationAsync(response, fields);
    }

    [Fact]
    public async Task GetAuditLog_OtherMerchantsOwnerOrUnknownMerchant_IsRefused()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var (token, _) = await CreateOwnerTokenAsync(app, await CreateMerchantAsync(admin));
        using var owner = app.CreateClient(token);

        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{merchantId}/audit-log"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await admin.GetAsync($"{Base}/merchants/{Guid.NewGuid()}/audit-log"), HttpStatusCode.NotFound, "merchant-not-found");
    }
}
