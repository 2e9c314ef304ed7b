using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Stores;

public sealed class StoreUpdateEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task UpdateStore_ValidRequest_ReplacesFieldsKeepsSlugAndAudits()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var storeId = await CreateStoreAsync(client, merchantId);

        var response = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/stores/{storeId}", new
        {
            name = "  Gare centrale ",
            timeZone = "Europe/Paris",
            descriptions = new Dictionary<string, string> { ["fr"] = " Près de la gare ", ["lb"] = "Bei der Gare", ["de"] = "  " },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/stores/{storeId}?locale=lb");
        Assert.Equal("Gare centrale", store.GetProperty("name").GetString());
        Assert.Equal("gare", store.GetProperty("slug").GetString());
        Assert.Equal("Europe/Paris", store.GetProperty("timeZone").GetString());
        Assert.Equal("Bei der Gare", store.GetProperty("description").GetString());
        Assert.Equal(
            ["fr=Près de la gare", "lb=Bei der Gare"],
            store.GetProperty("descriptions").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
        Assert.Equal(
            """{"fr": "Près de la gare", "lb": "Bei der Gare"}""",
            await ScalarAsync(app, "SELECT descriptions::text FROM stores WHERE store_id = $1", storeId));
        var tokenId = await BootstrapTokenIdAsync(app);
        Assert.Equal(
            $"{tokenId:D}|store.updated|store|{storeId:D}|Gare centrale|Europe/Paris|[\"fr\", \"lb\"]",
            await ScalarAsync(app, """
                SELECT actor || '|' || action || '|' || subject_type || '|' || subject_id || '|' || (details->>'name') || '|'
                       || (details->>'timeZone') || '|' || (details->'descriptionLocales')::text
                FROM audit_log WHERE subject_id = $1 AND action = 'store.updated'
                """, storeId.ToString("D")));
    }

    [Fact]
    public async Task UpdateStore_SameValues_WritesNoAuditEntry()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var storeId = await CreateStoreAsync(client, merchantId);

        var response = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/stores/{storeId}", new
        {
            name = "Gare",
            timeZone = "Europe/Luxembourg",
            descriptions = new Dictionary<string, string> { ["fr"] = "Gare", ["en"] = "Station" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'store.updated'", storeId.ToString("D")));
    }

    [Fact]
    public async Task UpdateStore_InvalidFields_NamesThemAndChangesNothing()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var storeId = await CreateStoreAsync(client, merchantId);
        var before = await ScalarAsync(app, "SELECT row_to_json(s)::text FROM stores s WHERE store_id = $1", storeId);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/stores/{storeId}", """
            { "name": "", "timeZone": "Mars/Olympus", "descriptions": { "es": "Hola", "fr": null } }
            """, HttpMethod.Put);

        await AssertValidationAsync(response, "name", "timeZone", "descriptions.es", "descriptions.fr");
        Assert.Equal(before, await ScalarAsync(app, "SELECT row_to_json(s)::text FROM stores s WHERE store_id = $1", storeId));
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'store.updated'", storeId.ToString("D")));
    }

    [Fact]
    public async Task UpdateStore_StoreOfAnotherMerchantOrUnknown_IsStoreNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var otherMerchantId = await CreateMerchantAsync(client);
        var otherStoreId = await CreateStoreAsync(client, otherMerchantId);
        var change = new { name = "Taken over", timeZone = (string?)null, descriptions = (object?)null };

        var crossing = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/stores/{otherStoreId}", change);
        var unknown = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/stores/{Guid.NewGuid()}", change);

        await AssertProblemAsync(crossing, HttpStatusCode.NotFound, "store-not-found");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "store-not-found");
        Assert.Equal("Gare", await ScalarAsync(app, "SELECT name FROM stores WHERE store_id = $1", otherStoreId));
    }

    [Fact]
    public async Task UpdateStore_OwnerOfAnotherMerchant_IsForbidden()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var storeId = await CreateStoreAsync(admin, merchantId);
        var (otherOwnerToken, _) = await CreateOwnerTokenAsync(app, await CreateMerchantAsync(admin));
        using var owner = app.CreateClient(otherOwnerToken);

        var response = await owner.PutAsJsonAsync($"{Base}/merchants/{merchantId}/stores/{storeId}", new { name = "Mine now" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Gare", await ScalarAsync(app, "SELECT name FROM stores WHERE store_id = $1", storeId));
    }

    private static async Task<Guid> CreateStoreAsync(HttpClient client, Guid merchantId)
    {
        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new
        {
            name = "Gare",
            slug = "gare",
            descriptions = new Dictionary<string, string> { ["en"] = "Station", ["fr"] = "Gare" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
