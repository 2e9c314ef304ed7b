using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Merchants;

public sealed class MerchantEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task CreateMerchant_ValidRequest_CreatesAndGetReturnsIt()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var slug = UniqueSlug("create");

        var response = await client.PostAsJsonAsync($"{Base}/merchants", new { name = "  Fashion Hub  ", slug, defaultLocale = "fr" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{Base}/merchants/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Fashion Hub", created.GetProperty("name").GetString());
        Assert.Equal(slug, created.GetProperty("slug").GetString());

        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(id, fetched.GetProperty("id").GetGuid());
        Assert.Equal("Fashion Hub", fetched.GetProperty("name").GetString());
        Assert.Equal(slug, fetched.GetProperty("slug").GetString());
        Assert.Equal("fr", fetched.GetProperty("defaultLocale").GetString());
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset(), fetched.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM merchants WHERE merchant_id = $1 AND slug = $2 AND default_locale = 'fr'", id, slug));
    }

    [Fact]
    public async Task CreateMerchant_NoDefaultLocale_DefaultsToEnglish()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants", $$"""{ "name": "Plain", "slug": "{{UniqueSlug("plain")}}" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal("en", fetched.GetProperty("defaultLocale").GetString());
    }

    [Fact]
    public async Task CreateMerchant_DuplicateSlug_IsConflictAndWritesNothing()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var slug = UniqueSlug("dup");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{Base}/merchants", new { name = "First", slug })).StatusCode);

        var response = await client.PostAsJsonAsync($"{Base}/merchants", new { name = "Second", slug });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM merchants WHERE slug = $1", slug));
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE details->>'name' = 'Second' AND details->>'slug' = $1", slug));
    }

    [Fact]
    public async Task CreateMerchant_SameSlugConcurrently_OneCreatedOthersConflict()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var slug = UniqueSlug("race");

        // Concurrent creations can all pass the read-model check; the unique index must turn the losers into 409s.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync($"{Base}/merchants", new { name = $"Racer {i}", slug })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await AssertProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM merchants WHERE slug = $1", slug));
        Assert.Equal(1L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE action = 'merchant.created' AND details->>'slug' = $1", slug));
    }

    [Fact]
    public async Task CreateMerchant_InvalidFields_ListsEveryField()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.PostAsJsonAsync($"{Base}/merchants", new { name = " ", slug = "Not A Slug", defaultLocale = "es" });

        await AssertValidationAsync(response, "name", "slug", "defaultLocale");
    }

    [Theory]
    [InlineData("""{ "slug": "x" }""", "name")]
    [InlineData("""{ "name": "Nul\u0000byte", "slug": "nul-byte" }""", "name")]
    [InlineData("""{ "name": "Ok", "slug": "-leading-hyphen" }""", "slug")]
    [InlineData("""{ "name": "Ok", "slug": "trailing-" }""", "slug")]
    [InlineData("""{ "name": "Ok", "slug": "x", "defaultLocale": "EN" }""", "defaultLocale")]
    public async Task CreateMerchant_InvalidField_NamesTheField(string body, string field)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants", body);

        await AssertValidationAsync(response, field);
    }

    [Theory]
    [InlineData("""{ "name": "Broken", """)]
    [InlineData("""{ "name": 42, "slug": "wrong-type" }""")]
    [InlineData("""{ "name": "Ok", "slug": "unknown-field", "color": "red" }""")]
    [InlineData("""{ "name": "Lone \ud800 surrogate", "slug": "lone-surrogate" }""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("")]
    public async Task CreateMerchant_MalformedBody_IsValidationProblem(string body)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task CreateMerchant_MerchantOwner_IsForbidden()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(admin);
        var (token, _) = await CreateOwnerTokenAsync(app, merchantId);
        using var owner = app.CreateClient(token);
        var slug = UniqueSlug("owner");

        var response = await owner.PostAsJsonAsync($"{Base}/merchants", new { name = "Mine", slug });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM merchants WHERE slug = $1", slug));
    }

    [Fact]
    public async Task GetMerchant_Owner_SeesOwnMerchantOnly()
    {
        using var admin = app.CreateClient(WebApp.BootstrapToken);
        var own = await CreateMerchantAsync(admin);
        var other = await CreateMerchantAsync(admin);
        var (token, _) = await CreateOwnerTokenAsync(app, own);
        using var owner = app.CreateClient(token);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{Base}/merchants/{own}")).StatusCode);
        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{other}"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{Guid.NewGuid()}"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetMerchant_UnknownId_IsMerchantNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.GetAsync($"{Base}/merchants/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "merchant-not-found");
    }

    [Fact]
    public async Task CreateMerchant_WithoutToken_IsUnauthorized()
    {
        using var client = app.CreateClient(bearerToken: null);

        var response = await client.PostAsJsonAsync($"{Base}/merchants", new { name = "Anon", slug = UniqueSlug("anon") });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
