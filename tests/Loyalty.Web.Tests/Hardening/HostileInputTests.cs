using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// Input an attacker would try on both APIs (issue #19): control characters in every text, duplicate JSON keys,
/// amounts at the edge of <see cref="long"/>. Each is a 400 naming the field, and nothing changes.
/// </summary>
public sealed class HostileInputTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";

    [Fact]
    public async Task Pair_DeviceNameWithNul_IsValidationAndLeavesTheCodeUsable()
    {
        var store = await app.CreateStoreAsync();
        var code = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);

        var refused = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "Till\0 1" });
        var paired = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "Till 1" });

        await AdminApi.AssertValidationAsync(refused, "deviceName");
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM devices WHERE store_id = $1", store.StoreId));
    }

    public static TheoryData<string, string> TerminalTexts => new()
    {
        { "enrollment", "name" },
        { "enrollment", "email" },
        { "enrollment", "idempotencyKey" },
        { "stamp", "idempotencyKey" },
        { "pointRedemption", "rewardId" },
        { "points", "idempotencyKey" },
    };

    [Theory]
    [MemberData(nameof(TerminalTexts))]
    public async Task TerminalOperation_ControlCharacterInText_IsValidationAndChangesNothing(string kind, string field)
    {
        var (_, device, pinId, program, card) = await SetUpAsync();
        using var client = app.Device(device.Token);
        var body = Operation(kind, program, card, pinId, $"key-{Guid.NewGuid():N}");
        body[field] = field == "email" ? "eve\0@example.com" : $"{body[field]}\0";

        var response = await client.PostAsJsonAsync(PathOf(kind, card), body);

        await AdminApi.AssertValidationAsync(response, field);
        await AssertUnchangedAsync(card);
    }

    [Fact]
    public async Task Sync_ControlCharacterInOneOperation_RefusesThatOperationOnly()
    {
        var (_, device, pinId, program, _) = await SetUpAsync();
        using var client = app.Device(device.Token);
        var bad = Operation("enrollment", program, null, pinId, "sync-bad");
        bad["name"] = "Eve\u0007";
        bad["kind"] = "enrollment";
        bad["deviceSeq"] = 1;
        var good = Operation("enrollment", program, null, pinId, "sync-good");
        good["kind"] = "enrollment";
        good["deviceSeq"] = 2;

        var response = await client.PostAsJsonAsync($"{Api}/sync", new { operations = new[] { bad, good } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([400, 201], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(["name"], results[0].GetProperty("body").GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    public static TheoryData<string, string> AdminTexts => new()
    {
        { "staff", "name" },
        { "adjustment", "reason" },
        { "adjustment", "idempotencyKey" },
        { "void", "reason" },
        { "void", "idempotencyKey" },
    };

    [Theory]
    [MemberData(nameof(AdminTexts))]
    public async Task AdminChange_ControlCharacterInText_IsValidationAndChangesNothing(string kind, string field)
    {
        var (store, _, _, _, card) = await SetUpAsync();
        using var admin = app.Admin();
        var (path, body) = kind switch
        {
            "staff" => ($"{AdminApi.Base}/stores/{store.StoreId}/staff", new Dictionary<string, object?> { ["name"] = "Alex", ["pin"] = "482193" }),
            "adjustment" => ($"{AdminApi.Base}/cards/{card}/adjustments", new Dictionary<string, object?> { ["pointsDelta"] = 5, ["reason"] = "Goodwill", ["idempotencyKey"] = "adjust-1" }),
            _ => ($"{AdminApi.Base}/cards/{card}/voids", new Dictionary<string, object?> { ["transactionId"] = Guid.NewGuid(), ["reason"] = "Mistake", ["idempotencyKey"] = "void-1" }),
        };
        body[field] = $"{body[field]}\u001b[2J";

        var response = await admin.PostAsJsonAsync(path, body);

        await AdminApi.AssertValidationAsync(response, field);
        await AssertUnchangedAsync(card);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM staff_pins WHERE store_id = $1", store.StoreId));
    }

    [Fact]
    public async Task Pair_DuplicateJsonKey_IsValidationAndLeavesTheCodeUsable()
    {
        var store = await app.CreateStoreAsync();
        var code = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);

        var refused = await AdminApi.PostJsonTextAsync(client, TerminalApp.PairPath, $$"""{"code":"{{code}}","deviceName":"Till 1","deviceName":"Till 2"}""");
        var paired = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "Till 1" });

        await AdminApi.AssertValidationAsync(refused, "deviceName");
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
    }

    [Fact]
    public async Task CreateMerchant_DuplicateJsonKey_IsValidationAndCreatesNothing()
    {
        using var admin = app.Admin();
        var slug = AdminApi.UniqueSlug("dup");

        var refused = await AdminApi.PostJsonTextAsync(admin, $"{AdminApi.Base}/merchants", $$"""{"name":"Shop","slug":"{{slug}}","name":"Other"}""");

        await AdminApi.AssertValidationAsync(refused, "name");
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM merchants WHERE slug = $1", slug));
    }

    [Theory]
    [InlineData("welcomeBonusPoints")]
    [InlineData("rewards[0].pointsCost")]
    public async Task CreateProgram_PointsNearLongMaxValue_IsValidation(string field)
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var huge = long.MaxValue;
        object program = field == "welcomeBonusPoints"
            ? new { name = "Points", kind = "points", pointsPerCurrencyUnit = 10, welcomeBonusPoints = huge }
            : new { name = "Points", kind = "points", pointsPerCurrencyUnit = 10, rewards = new[] { new { name = "Mug", pointsCost = huge } } };

        var response = await admin.PostAsJsonAsync($"{AdminApi.Base}/merchants/{store.MerchantId}/programs", program);

        await AdminApi.AssertValidationAsync(response, field);
    }

    private async Task<(TestStore Store, TestDevice Device, Guid PinId, JsonElement Program, string Card)> SetUpAsync()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new
        {
            name = "Coffee club",
            kind = "hybrid",
            stampsRequired = 10,
            stampRewardName = "Free coffee",
            pointsPerCurrencyUnit = 10,
            rewards = new[] { new { name = "Mug", pointsCost = 1 } },
            welcomeBonusPoints = 5,
        });
        var pinId = await app.CreatePinAsync(store.StoreId, "482193");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        var enrolled = await client.PostAsJsonAsync($"{Api}/enrollments", Operation("enrollment", program, null, pinId, $"enrol-{Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var card = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!;
        return (store, device, pinId, program, card);
    }

    private static Dictionary<string, object?> Operation(string kind, JsonElement program, string? card, Guid pinId, string key) => kind switch
    {
        "enrollment" => new()
        {
            ["programId"] = program.GetProperty("id").GetString(),
            ["email"] = $"{Guid.NewGuid():N}@example.com",
            ["name"] = "Lena Weber",
            ["pinId"] = pinId,
            ["idempotencyKey"] = key,
        },
        "stamp" => new() { ["count"] = 1, ["pinId"] = pinId, ["idempotencyKey"] = key },
        "points" => new() { ["purchaseAmountMinor"] = 1000, ["currency"] = "EUR", ["pinId"] = pinId, ["idempotencyKey"] = key },
        _ => new() { ["rewardId"] = program.GetProperty("rewards")[0].GetProperty("id").GetString(), ["pinId"] = pinId, ["idempotencyKey"] = key },
    };

    private static string PathOf(string kind, string card) => kind switch
    {
        "enrollment" => $"{Api}/enrollments",
        "stamp" => $"{Api}/cards/{card}/stamps",
        "points" => $"{Api}/cards/{card}/points",
        _ => $"{Api}/cards/{card}/point-redemptions",
    };

    // The card still has only its enrolment and welcome bonus, and the program only this card.
    private async Task AssertUnchangedAsync(string card)
    {
        Assert.Equal(2L, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", card));
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM cards WHERE program_id = (SELECT program_id FROM cards WHERE card_number = $1)", card));
    }
}
