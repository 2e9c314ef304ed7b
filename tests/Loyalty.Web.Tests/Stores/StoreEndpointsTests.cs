using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Stores;

public sealed class StoreEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task CreateStore_ValidRequest_CreatesAndGetReturnsIt()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new
        {
            name = "City",
            slug = "city",
            timeZone = "America/New_York",
            descriptions = new Dictionary<string, string> { ["en"] = "Downtown", ["fr"] = "Centre-ville" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{Base}/merchants/{merchantId}/stores/{id}", response.Headers.Location?.OriginalString);
        var fetched = await client.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}?locale=fr");
        Assert.Equal(merchantId, fetched.GetProperty("merchantId").GetGuid());
        Assert.Equal("City", fetched.GetProperty("name").GetString());
        Assert.Equal("city", fetched.GetProperty("slug").GetString());
        Assert.Equal("America/New_York", fetched.GetProperty("timeZone").GetString());
        Assert.Equal("Centre-ville", fetched.GetProperty("description").GetString());
        Assert.Equal("fr", fetched.GetProperty("descriptionLocale").GetString());
        Assert.Equal("Downtown", fetched.GetProperty("descriptions").GetProperty("en").GetString());
    }

    [Fact]
    public async Task CreateStore_NoTimeZone_DefaultsToLuxembourg()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "Gare", slug = "gare" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Europe/Luxembourg", created.GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("description").ValueKind);
    }

    [Theory]
    [InlineData("lb", "fr", "Bonjour")] // lb missing: the merchant's default (fr)
    [InlineData("de-LU", "de", "Hallo")] // the language of a regional locale
    [InlineData(null, "fr", "Bonjour")]
    [InlineData("xx", "fr", "Bonjour")]
    public async Task GetStore_Locale_FallsBackToMerchantDefault(string? locale, string expectedLocale, string expected)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client, defaultLocale: "fr");
        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new
        {
            name = "Multi",
            slug = "multi",
            descriptions = new Dictionary<string, string> { ["en"] = "Hello", ["fr"] = "Bonjour", ["de"] = "Hallo" },
        });
        var query = locale is null ? "" : $"?locale={locale}";

        var single = await client.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}{query}");
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/stores{query}")).EnumerateArray());

        foreach (var store in new[] { single, listed })
        {
            Assert.Equal(expected, store.GetProperty("description").GetString());
            Assert.Equal(expectedLocale, store.GetProperty("descriptionLocale").GetString());
        }
    }

    [Fact]
    public async Task GetStore_OnlyAnotherLanguage_FallsBackToAny()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new
        {
            name = "Lux",
            slug = "lux",
            descriptions = new Dictionary<string, string> { ["lb"] = "Moien" },
        });

        var store = await client.GetFromJsonAsync<JsonElement>($"{response.Headers.Location}?locale=fr");

        Assert.Equal("Moien", store.GetProperty("description").GetString());
        Assert.Equal("lb", store.GetProperty("descriptionLocale").GetString());
    }

    [Fact]
    public async Task CreateStore_InvalidFields_ListsEveryField()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/stores", """
            { "slug": "-bad", "timeZone": "Mars/Olympus", "descriptions": { "es": "Hola", "fr": null, "de": "Zeile\u0007" } }
            """);

        await AssertValidationAsync(response, "name", "slug", "timeZone", "descriptions.es", "descriptions.fr", "descriptions.de");
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM stores WHERE merchant_id = $1", merchantId));
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/Nowhere")]
    public async Task CreateStore_NotAnIanaTimeZone_IsValidationError(string timeZone)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "Tz", slug = "tz", timeZone });

        await AssertValidationAsync(response, "timeZone");
    }

    [Fact]
    public async Task CreateStore_DuplicateSlugInMerchant_IsConflict_ButOtherMerchantMayUseIt()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var otherId = await CreateMerchantAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "A", slug = "main" })).StatusCode);

        var duplicate = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "B", slug = "main" });
        var elsewhere = await client.PostAsJsonAsync($"{Base}/merchants/{otherId}/stores", new { name = "C", slug = "main" });

        await AssertProblemAsync(duplicate, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM stores WHERE merchant_id = $1", merchantId));
    }

    [Fact]
    public async Task CreateStore_UnknownMerchant_IsMerchantNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{Guid.NewGuid()}/stores", new { name = "Ghost", slug = "ghost" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "merchant-not-found");
    }

    [Fact]
    public async Task Stores_OwnerOfAnotherMerchant_IsForbidden()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var otherId = await CreateMerchantAsync(client);
        var (token, _) = await CreateOwnerTokenAsync(app, otherId);
        using var owner = app.CreateClient(token);

        await AssertProblemAsync(await owner.PostAsJsonAsync($"{Base}/merchants/{merchantId}/stores", new { name = "X", slug = "x" }), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{merchantId}/stores"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"{Base}/merchants/{otherId}/stores", new { name = "Y", slug = "y" })).StatusCode);
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM stores WHERE merchant_id = $1", merchantId));
    }

    [Fact]
    public async Task GetStore_UnknownOrOtherMerchants_IsStoreNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var otherId = await CreateMerchantAsync(client);
        var created = await client.PostAsJsonAsync($"{Base}/merchants/{otherId}/stores", new { name = "Theirs", slug = "theirs" });
        var storeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{merchantId}/stores/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "store-not-found");
        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{merchantId}/stores/{storeId}"), HttpStatusCode.NotFound, "store-not-found");
        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{Guid.NewGuid()}/stores"), HttpStatusCode.NotFound, "merchant-not-found");
    }
}
