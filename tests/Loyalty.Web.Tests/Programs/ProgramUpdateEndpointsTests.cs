using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Programs;

public sealed class ProgramUpdateEndpointsTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task UpdateProgram_Rewards_KeepsKnownIdsGivesNewOnesDropsOmittedAndAudits()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var (programId, rewardIds) = await CreatePointsProgramAsync(client, merchantId);

        var response = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/programs/{programId}", new
        {
            name = "More points",
            kind = "points",
            pointsPerCurrencyUnit = 12,
            rewards = new object[]
            {
                new { id = rewardIds[1], name = "Big bag", pointsCost = 1500 },
                new { id = (string?)null, name = "Scarf", pointsCost = 800 },
            },
            welcomeBonusPoints = 75,
            pointExpiry = new { mode = "inactivity", days = 180 },
            terms = new Dictionary<string, string> { ["de"] = "Es gelten Bedingungen." },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var program = await client.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{merchantId}/programs/{programId}");
        Assert.Equal("More points", program.GetProperty("name").GetString());
        Assert.Equal(12, program.GetProperty("pointsPerCurrencyUnit").GetInt32());
        Assert.Equal("EUR", program.GetProperty("currency").GetString());
        Assert.Equal(75, program.GetProperty("welcomeBonusPoints").GetInt64());
        Assert.Equal("inactivity", program.GetProperty("pointExpiry").GetProperty("mode").GetString());
        Assert.Equal(180, program.GetProperty("pointExpiry").GetProperty("days").GetInt32());
        Assert.Equal("Es gelten Bedingungen.", program.GetProperty("terms").GetProperty("de").GetString());
        var rewards = program.GetProperty("rewards").EnumerateArray().ToList();
        Assert.Equal(["Big bag:1500", "Scarf:800"], rewards.Select(r => $"{r.GetProperty("name").GetString()}:{r.GetProperty("pointsCost").GetInt64()}"));
        Assert.Equal(rewardIds[1], rewards[0].GetProperty("id").GetString());
        var newId = rewards[1].GetProperty("id").GetString();
        Assert.True(Guid.TryParseExact(newId, "D", out _));
        Assert.DoesNotContain(newId, rewardIds);
        Assert.Equal("More points", await ScalarAsync(app, "SELECT name FROM programs WHERE program_id = $1", programId));
        Assert.Equal(
            $"{await BootstrapTokenIdAsync(app):D}|program.updated|program|More points|Points",
            await ScalarAsync(app, """
                SELECT actor || '|' || action || '|' || subject_type || '|' || (details->>'name') || '|' || (details->>'previousName')
                FROM audit_log WHERE subject_id = $1 AND action = 'program.updated'
                """, programId.ToString("D")));
    }

    [Fact]
    public async Task UpdateProgram_KindChangeOrUnknownRewardId_IsValidationAndChangesNothing()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var (programId, _) = await CreatePointsProgramAsync(client, merchantId);
        var before = await ScalarAsync(app, "SELECT definition::text FROM programs WHERE program_id = $1", programId);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/programs/{programId}", """
            { "name": "Stamps now", "kind": "hybrid", "stampsRequired": 5, "stampRewardName": "Tea", "pointsPerCurrencyUnit": 10,
              "rewards": [ { "id": "not-a-reward", "name": "Mug", "pointsCost": 100 } ] }
            """, HttpMethod.Put);

        await AssertValidationAsync(response, "kind", "rewards[0].id");
        Assert.Equal(before, await ScalarAsync(app, "SELECT definition::text FROM programs WHERE program_id = $1", programId));
        Assert.Equal(0L, await ScalarAsync(app, "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'program.updated'", programId.ToString("D")));
    }

    [Fact]
    public async Task UpdateProgram_RuleErrors_AreTheCreateFieldNames()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var (programId, _) = await CreatePointsProgramAsync(client, merchantId);

        var response = await PostJsonTextAsync(client, $"{Base}/merchants/{merchantId}/programs/{programId}", """
            { "name": "", "kind": "points", "pointsPerCurrencyUnit": 0, "currency": "ABC", "welcomeBonusPoints": -1,
              "rewards": [ { "name": "", "pointsCost": 0 } ], "pointExpiry": { "mode": "afterEarning", "days": 0 } }
            """, HttpMethod.Put);

        await AssertValidationAsync(
            response, "name", "pointsPerCurrencyUnit", "currency", "welcomeBonusPoints", "rewards[0].name", "rewards[0].pointsCost", "pointExpiry.days");
    }

    [Fact]
    public async Task UpdateProgram_ProgramOfAnotherMerchantOrUnknown_IsProgramNotFound()
    {
        using var client = app.CreateClient(WebApp.BootstrapToken);
        var merchantId = await CreateMerchantAsync(client);
        var (otherProgramId, _) = await CreatePointsProgramAsync(client, await CreateMerchantAsync(client));
        var change = new { name = "Taken over", kind = "points", pointsPerCurrencyUnit = 1 };

        var crossing = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/programs/{otherProgramId}", change);
        var unknown = await client.PutAsJsonAsync($"{Base}/merchants/{merchantId}/programs/{Guid.NewGuid()}", change);

        await AssertProblemAsync(crossing, HttpStatusCode.NotFound, "program-not-found");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "program-not-found");
        Assert.Equal("Points", await ScalarAsync(app, "SELECT name FROM programs WHERE program_id = $1", otherProgramId));
    }

    private static async Task<(Guid ProgramId, string[] RewardIds)> CreatePointsProgramAsync(HttpClient client, Guid merchantId)
    {
        var response = await client.PostAsJsonAsync($"{Base}/merchants/{merchantId}/programs", new
        {
            name = "Points",
            kind = "points",
            pointsPerCurrencyUnit = 10,
            rewards = new[] { new { name = "Voucher", pointsCost = 500 }, new { name = "Bag", pointsCost = 1200 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), [.. created.GetProperty("rewards").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)]);
    }
}
