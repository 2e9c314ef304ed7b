using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Programs;

public sealed class ProgramEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task CreateProgram_Points_GeneratesRewardIdsAndRoundTrips()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/programs", """
            {
              "name": "Points", "kind": "points", "pointsPerCurrencyUnit": 10,
              "rewards": [ { "name": "Voucher", "pointsCost": 500 }, { "name": "Bag", "pointsCost": 1200 } ],
              "welcomeBonusPoints": 50, "pointExpiry": { "mode": "afterEarning", "days": 365 }
            }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{Base}/merchants/{merchantId}/programs/{id}", response.Headers.Location?.OriginalString);
        var rewards = created.GetProperty("rewards").EnumerateArray().ToList();
        Assert.Equal(["Voucher", "Bag"], rewards.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([500L, 1200L], rewards.Select(r => r.GetProperty("pointsCost").GetInt64()));
        var rewardIds = rewards.Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, rewardIds.Distinct().Count());
        Assert.Equal("EUR", created.GetProperty("currency").GetString());

        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/programs")).EnumerateArray());
        foreach (var program in new[] { fetched, listed })
        {
            Assert.Equal(id, program.GetProperty("id").GetGuid());
            Assert.Equal(merchantId, program.GetProperty("merchantId").GetGuid());
            Assert.Equal("points", program.GetProperty("kind").GetString());
            Assert.Equal(10, program.GetProperty("pointsPerCurrencyUnit").GetInt32());
            Assert.Equal(50, program.GetProperty("welcomeBonusPoints").GetInt64());
            Assert.Equal("afterEarning", program.GetProperty("pointExpiry").GetProperty("mode").GetString());
            Assert.Equal(365, program.GetProperty("pointExpiry").GetProperty("days").GetInt32());
            Assert.Equal(rewardIds, program.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        }
    }

    [Fact]
    public async Task CreateProgram_Stamps_AppliesContractDefaults()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10, created.GetProperty("stampsRequired").GetInt32());
        Assert.Equal(0, created.GetProperty("stampCooldownSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("maxStampsPerCardPerDay").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("currency").ValueKind);
        Assert.Equal("none", created.GetProperty("pointExpiry").GetProperty("mode").GetString());
        Assert.Empty(created.GetProperty("rewards").EnumerateArray());
    }

    [Theory]
    [InlineData("""{ "name": "X", "kind": "loyalty" }""", "kind")]
    [InlineData("""{ "name": "X", "kind": "Stamps", "stampsRequired": 5, "stampRewardName": "R" }""", "kind")]
    [InlineData("""{ "name": "X" }""", "kind")]
    [InlineData("""{ "name": "X", "kind": "stamps" }""", "stampsRequired", "stampRewardName")]
    [InlineData("""{ "kind": "stamps", "stampsRequired": 0, "stampRewardName": "R" }""", "name", "stampsRequired")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "rewards": [ { "name": "A", "pointsCost": 1 }, { "name": "B", "pointsCost": 0 } ] }""", "rewards[1].pointsCost")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "rewards": [ null ] }""", "rewards[0]")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "rewards": [ { "name": "A" } ] }""", "rewards[0].pointsCost")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "currency": "XXX" }""", "currency")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "pointExpiry": { "mode": "afterEarning", "days": 0 } }""", "pointExpiry.days")]
    [InlineData("""{ "name": "X", "kind": "points", "pointsPerCurrencyUnit": 1, "pointExpiry": { "mode": "forever" } }""", "pointExpiry.mode")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 5, "stampRewardName": "R", "welcomeBonusPoints": 10 }""", "welcomeBonusPoints")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 5, "stampRewardName": "R", "stampCooldownSeconds": -1 }""", "stampCooldownSeconds")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 5, "stampRewardName": "R\u0000" }""", "stampRewardName")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 5, "stampRewardName": "R", "terms": { "it": "Termini" } }""", "terms.it")]
    public async Task CreateProgram_InvalidFields_NamesExactlyThoseFields(string body, params string[] fields)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/programs", body);

        await AssertValidationAsync(response, fields);
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM programs WHERE merchant_id = $1", merchantId));
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE merchant_id = $1 AND subject_type = 'program'", merchantId));
    }

    [Theory]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": "ten", "stampRewardName": "R" }""")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 99999999999, "stampRewardName": "R" }""")]
    [InlineData("""{ "name": "X", "kind": "stamps", "stampsRequired": 5.5, "stampRewardName": "R" }""")]
    [InlineData("""{ "name": "X", "kind": 0 }""")]
    [InlineData("""{ "name": "X", "kind": "points", "rewards": [ { "name": "A", "pointsCost": 1, "id": "mine" } ] }""")]
    public async Task CreateProgram_WrongTypesOrUnknownFields_IsValidationProblem(string body)
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/programs", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task CreateProgram_UnknownMerchant_IsMerchantNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);

        var response = await client.PostAsJsonAsync($"{Base}/merchants/{Guid.NewGuid()}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "merchant-not-found");
    }

    [Fact]
    public async Task GetProgram_UnknownOrOtherMerchants_IsProgramNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var otherId = await CreateMerchantAsync(client);
        var created = await client.PostAsJsonAsync($"{Base}/merchants/{otherId}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });
        var programId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{merchantId}/programs/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "program-not-found");
        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{merchantId}/programs/{programId}"), HttpStatusCode.NotFound, "program-not-found");
        await AssertProblemAsync(await client.GetAsync($"{Base}/merchants/{Guid.NewGuid()}/programs"), HttpStatusCode.NotFound, "merchant-not-found");
    }

    [Fact]
    public async Task Programs_OwnerOfAnotherMerchant_IsForbidden()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var (token, _) = await CreateOwnerTokenAsync(app, await CreateMerchantAsync(client));
        using var owner = app.CreateClient(token);

        var create = await owner.PostAsJsonAsync($"{Base}/merchants/{merchantId}/programs",
            new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });

        await AssertProblemAsync(create, HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"{Base}/merchants/{merchantId}/programs"), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM programs WHERE merchant_id = $1", merchantId));
    }
}
