using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>The terminal's whole card flow over real HTTP: pair, staff, PIN, enrol, stamps, rewards, points, sync.</summary>
public sealed class TerminalCardFlowTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";

    [Fact]
    public async Task TerminalFlow_PairToRedemptionAndSync_AnswersAsTheContractSays()
    {
        var (store, device, pinId, program) = await SetUpAsync();
        using var client = app.Device(device.Token);
        var staff = await client.GetFromJsonAsync<JsonElement>($"{Api}/staff");
        Assert.Equal(pinId, Assert.Single(staff.EnumerateArray()).GetProperty("pinId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{Api}/staff/{pinId}/verify", new { pin = "2468" })).StatusCode);

        // Enrol: 201 with the card; the same e-mail again (another key, other case) is 200 with the same card.
        var enrolled = await client.PostAsJsonAsync($"{Api}/enrollments", Enrollment(program, "Lena@Example.com", pinId, "enrol-1"));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var card = await enrolled.Content.ReadFromJsonAsync<JsonElement>();
        var number = card.GetProperty("cardNumber").GetString()!;
        Assert.Equal(50, card.GetProperty("points").GetInt64());
        Assert.Equal("bronze", card.GetProperty("tier").GetString());
        Assert.Equal("active", card.GetProperty("status").GetString());
        var again = await client.PostAsJsonAsync($"{Api}/enrollments", Enrollment(program, "lena@example.COM", pinId, "enrol-2"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(number, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString());

        // Stamps: 9 then 3 reach the target of 10, a reward is available and 2 stamps carry over; redeem it.
        var nine = await PostAsync(client, $"{Api}/cards/{number}/stamps", new { count = 9, pinId, idempotencyKey = "s1" });
        Assert.Equal((9, 0), (nine.GetProperty("stamps").GetInt32(), nine.GetProperty("rewardsAvailable").GetInt32()));
        var three = await PostAsync(client, $"{Api}/cards/{number}/stamps", new { count = 3, pinId, idempotencyKey = "s2" });
        Assert.Equal((2, 1), (three.GetProperty("stamps").GetInt32(), three.GetProperty("rewardsAvailable").GetInt32()));
        var redeemed = await PostAsync(client, $"{Api}/cards/{number}/stamp-redemptions", new { pinId, idempotencyKey = "r1" });
        Assert.Equal((2, 0), (redeemed.GetProperty("stamps").GetInt32(), redeemed.GetProperty("rewardsAvailable").GetInt32()));
        var noReward = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamp-redemptions", new { pinId, idempotencyKey = "r2" });
        await AssertProblemAsync(noReward, HttpStatusCode.UnprocessableEntity, "insufficient-stamps");

        // Points: EUR 49.99 at 10 points per euro is 499 (rounded down): 549 with the bonus; the 500-point mug leaves 49.
        var earned = await PostAsync(client, $"{Api}/cards/{number}/points", new { purchaseAmountMinor = 4999, currency = "EUR", pinId, idempotencyKey = "p1" });
        Assert.Equal((499L, 549L), (earned.GetProperty("pointsEarned").GetInt64(), earned.GetProperty("points").GetInt64()));
        var rewardId = program.GetProperty("rewards")[0].GetProperty("id").GetString();
        var spent = await PostAsync(client, $"{Api}/cards/{number}/point-redemptions", new { rewardId, pinId, idempotencyKey = "m1" });
        Assert.Equal(49, spent.GetProperty("points").GetInt64());
        var tooPoor = await client.PostAsJsonAsync($"{Api}/cards/{number}/point-redemptions", new { rewardId, pinId, idempotencyKey = "m2" });
        await AssertProblemAsync(tooPoor, HttpStatusCode.UnprocessableEntity, "insufficient-points");

        // The offline queue, out of order: applied in deviceSeq order, one result each, a failure does not stop the rest.
        // Queued half an hour ago, which is after the device was paired (inside the offline window).
        app.Clock.Advance(TimeSpan.FromHours(1));
        var occurred = app.Clock.GetUtcNow().AddMinutes(-30);
        var sync = await client.PostAsJsonAsync($"{Api}/sync", new
        {
            operations = new object[]
            {
                new { kind = "stamp", deviceSeq = 3, cardNumber = number, count = 1, pinId, idempotencyKey = "q3", occurredAt = occurred },
                new { kind = "stamp", deviceSeq = 1, cardNumber = number, count = 2, pinId, idempotencyKey = "q1", occurredAt = occurred },
                new { kind = "stampRedemption", deviceSeq = 2, cardNumber = number, pinId, idempotencyKey = "q2", occurredAt = occurred },
            },
        });
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var results = (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["q1", "q2", "q3"], results.Select(r => r.GetProperty("idempotencyKey").GetString()));
        Assert.Equal([200, 422, 200], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(4, results[0].GetProperty("body").GetProperty("stamps").GetInt32());
        Assert.Equal("insufficient-stamps", results[1].GetProperty("body").GetProperty("code").GetString());
        Assert.Equal(5, results[2].GetProperty("body").GetProperty("stamps").GetInt32());

        // Replaying the queue changes nothing and answers exactly as before.
        var replay = await client.PostAsJsonAsync($"{Api}/sync", new
        {
            operations = new object[] { new { kind = "stamp", deviceSeq = 1, cardNumber = number, count = 2, pinId, idempotencyKey = "q1", occurredAt = occurred } },
        });
        var replayed = (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal(results[0].GetProperty("body").ToString(), replayed.GetProperty("body").ToString());
        var final = await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{number}");
        Assert.Equal(5, final.GetProperty("stamps").GetInt32());
    }

    [Fact]
    public async Task Stamps_SixtyFourTerminalsWithReplays_CountEachDistinctKeyOnce()
    {
        var (store, _, pinId, program) = await SetUpAsync();
        var devices = new List<TestDevice>();
        for (var i = 0; i < 4; i++)
        {
            devices.Add(await app.PairAsync(store.StoreId, $"Till {i}"));
        }

        var number = await EnrollAsync(devices[0], program, pinId);
        var clients = devices.Select(d => app.Device(d.Token)).ToList();

        // 64 terminals × 50 stamps; every fifth request repeats the terminal's previous key (a retry after a lost answer).
        var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async terminal =>
        {
            var client = clients[terminal % clients.Count];
            var answered = new List<HttpStatusCode>();
            for (var i = 0; i < 50; i++)
            {
                var key = i % 5 == 4 ? $"t{terminal}-{i - 1}" : $"t{terminal}-{i}";
                var response = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = key });
                answered.Add(response.StatusCode);
            }

            return answered;
        }));

        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
        var distinct = 64 * 40;
        using var admin = app.Admin();
        var card = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}");
        Assert.Equal(distinct, (card.GetProperty("rewardsAvailable").GetInt32() * 10) + card.GetProperty("stamps").GetInt32());
        Assert.Equal(distinct, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", number));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Stamps_SameKeyAnotherBody_IsConflictAndChangesNothing()
    {
        var (_, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        using var client = app.Device(device.Token);
        await PostAsync(client, $"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = "k" });

        var reused = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 2, pinId, idempotencyKey = "k" });

        await AssertProblemAsync(reused, HttpStatusCode.Conflict, "idempotency-key-reused");
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{number}")).GetProperty("stamps").GetInt32());
    }

    [Fact]
    public async Task Stamps_DuringCooldownAndOverDailyCap_AreRefusedWithoutChange()
    {
        var (store, device, pinId, _) = await SetUpAsync();
        var capped = await app.CreateProgramAsync(store.MerchantId, new { name = "Capped", kind = "stamps", stampsRequired = 10, stampRewardName = "Tea", stampCooldownSeconds = 60, maxStampsPerCardPerDay = 3 });
        var number = await EnrollAsync(device, capped, pinId);
        using var client = app.Device(device.Token);
        await PostAsync(client, $"{Api}/cards/{number}/stamps", new { count = 2, pinId, idempotencyKey = "a" });

        var cooldown = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = "b" });
        await AssertProblemAsync(cooldown, HttpStatusCode.UnprocessableEntity, "cooldown-active");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var overCap = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 2, pinId, idempotencyKey = "c" });
        await AssertProblemAsync(overCap, HttpStatusCode.UnprocessableEntity, "daily-limit-reached");

        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{number}")).GetProperty("stamps").GetInt32());
        Assert.Equal(1, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", number));
    }

    [Fact]
    public async Task AdminCard_MerchantOwnerOfAnotherMerchant_IsForbidden()
    {
        var (_, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        var other = await app.CreateStoreAsync();
        using var owner = app.Device(await app.CreateMerchantOwnerTokenAsync(other.MerchantId));

        await AssertProblemAsync(await owner.GetAsync($"/api/admin/v1/cards/{number}"), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await owner.GetAsync($"/api/admin/v1/cards/{number}/transactions"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AdminCard_KeepsEveryCustomerFieldAndListsTransactionsNewestFirst()
    {
        var (_, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        using var client = app.Device(device.Token);
        await PostAsync(client, $"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = "x1" });
        using var admin = app.Admin();

        var card = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}");
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}/transactions?page=1&pageSize=2");

        var customer = card.GetProperty("customer");
        Assert.Equal("+352 691 123 456", customer.GetProperty("phone").GetString());
        Assert.Equal("1988-02-29", customer.GetProperty("birthday").GetString());
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(["stamp", "welcomeBonus"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("x1", page.GetProperty("items")[0].GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task AdminAdjustAndVoid_ChangeTheCardAreAuditedAndKeepTheLedgerVerifiable()
    {
        var (store, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        using var admin = app.Admin();

        var adjusted = await PostAsync(admin, $"/api/admin/v1/cards/{number}/adjustments", new { pointsDelta = 200, stampsDelta = 3, reason = "Goodwill after a broken machine", idempotencyKey = "adj-1" });
        Assert.Equal((3, 250L), (adjusted.GetProperty("stamps").GetInt32(), adjusted.GetProperty("points").GetInt64()));
        var voided = await PostAsync(admin, $"/api/admin/v1/cards/{number}/voids", new { transactionId = adjusted.GetProperty("transactionId").GetGuid(), reason = "Entered twice", idempotencyKey = "void-1" });
        Assert.Equal((0, 50L), (voided.GetProperty("stamps").GetInt32(), voided.GetProperty("points").GetInt64()));
        var again = await admin.PostAsJsonAsync($"/api/admin/v1/cards/{number}/voids", new { transactionId = adjusted.GetProperty("transactionId").GetGuid(), reason = "Entered twice", idempotencyKey = "void-2" });
        await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity, "transaction-already-voided");
        var belowZero = await admin.PostAsJsonAsync($"/api/admin/v1/cards/{number}/adjustments", new { pointsDelta = -51, reason = "Too much", idempotencyKey = "adj-2" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, belowZero.StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/merchants/{store.MerchantId}/audit-log");
        var actions = audit.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, actions.Count(a => a == "card.adjusted"));
        Assert.Equal(1, actions.Count(a => a == "card.transaction-voided"));

        var intact = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}/ledger-verification");
        Assert.True(intact.GetProperty("isValid").GetBoolean());
        Assert.Equal(4, intact.GetProperty("entriesChecked").GetInt64());
        await app.ExecuteAsync("UPDATE ledger_entries SET reason = 'edited' WHERE card_number = $1 AND sequence = 3", number);
        var broken = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}/ledger-verification");
        Assert.False(broken.GetProperty("isValid").GetBoolean());
        Assert.Equal(3, broken.GetProperty("firstBadSequence").GetInt64());
    }

    [Fact]
    public async Task Stamps_PerDeviceDailyCap_CountsTheDeviceAcrossCardsUntilTheNextLocalDay()
    {
        var (store, deviceA, pinId, _) = await SetUpAsync();
        var capped = await app.CreateProgramAsync(store.MerchantId, new { name = "Device capped", kind = "stamps", stampsRequired = 10, stampRewardName = "Tea", maxStampsPerDevicePerDay = 3 });
        var deviceB = await app.PairAsync(store.StoreId, "Till B");
        var first = await EnrollAsync(deviceA, capped, pinId);
        var second = await EnrollAsync(deviceA, capped, pinId);
        using var a = app.Device(deviceA.Token);
        using var b = app.Device(deviceB.Token);
        await PostAsync(a, $"{Api}/cards/{first}/stamps", new { count = 2, pinId, idempotencyKey = "a1" });
        await PostAsync(a, $"{Api}/cards/{second}/stamps", new { count = 1, pinId, idempotencyKey = "a2" });

        // A retry of an allowed stamp is not counted again; a fourth stamp through device A is refused, B is not capped by A.
        await PostAsync(a, $"{Api}/cards/{second}/stamps", new { count = 1, pinId, idempotencyKey = "a2" });
        var refused = await a.PostAsJsonAsync($"{Api}/cards/{second}/stamps", new { count = 1, pinId, idempotencyKey = "a3" });
        await AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "daily-limit-reached");
        await PostAsync(b, $"{Api}/cards/{second}/stamps", new { count = 1, pinId, idempotencyKey = "b1" });
        Assert.Equal(2, (await a.GetFromJsonAsync<JsonElement>($"{Api}/cards/{second}")).GetProperty("stamps").GetInt32());

        // The store is in Europe/Luxembourg: the cap starts again at the next local midnight.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await PostAsync(a, $"{Api}/cards/{second}/stamps", new { count = 1, pinId, idempotencyKey = "a4" });
    }

    [Fact]
    public async Task Enroll_PinOfAnotherStoreOrLocked_IsRefusedAndCreatesNoCard()
    {
        var (store, device, pinId, program) = await SetUpAsync();
        var other = await app.CreateStoreAsync(store.MerchantId);
        var foreignPin = await app.CreatePinAsync(other.StoreId, "1357");
        using var client = app.Device(device.Token);

        var foreign = await client.PostAsJsonAsync($"{Api}/enrollments", Enrollment(program, "foreign@example.com", foreignPin, "e1"));
        await AssertProblemAsync(foreign, HttpStatusCode.Forbidden, "forbidden");

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync($"{Api}/staff/{pinId}/verify", new { pin = "0000" });
        }

        var locked = await client.PostAsJsonAsync($"{Api}/enrollments", Enrollment(program, "locked@example.com", pinId, "e2"));
        await AssertProblemAsync(locked, (HttpStatusCode)423, "pin-locked");
        Assert.Equal(0, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM cards WHERE program_id = $1", Guid.Parse(program.GetProperty("id").GetString()!)));
    }

    [Theory]
    [InlineData("/cards/{card}/stamps", "{\"count\": \"three\", \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/cards/{card}/stamps", "{\"count\": 1, \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\", \"bonus\": true}")]
    [InlineData("/cards/{card}/stamps", "{\"count\": 11, \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/cards/{card}/stamps", "{\"count\": 1, \"pinId\": \"{pin}\"")]
    [InlineData("/cards/{card}/points", "{\"purchaseAmountMinor\": -5, \"currency\": \"EUR\", \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/cards/{card}/point-redemptions", "{\"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/cards/{card}/stamp-redemptions", "[]")]
    [InlineData("/cards/1234/stamps", "{\"count\": 1, \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/enrollments", "{\"programId\": \"{program}\", \"email\": \"not-an-email\", \"name\": \"X\", \"pinId\": \"{pin}\", \"idempotencyKey\": \"v\"}")]
    [InlineData("/sync", "{\"operations\": [{\"kind\": \"stamp\"}]}")]
    [InlineData("/sync", "{\"operations\": 5}")]
    public async Task CardEndpoints_BadInput_AreValidationProblemsAndChangeNothing(string path, string body)
    {
        var (_, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        using var client = app.Device(device.Token);
        var url = Api + path.Replace("{card}", number, StringComparison.Ordinal);
        using var content = new StringContent(
            body.Replace("{pin}", pinId.ToString(), StringComparison.Ordinal).Replace("{program}", program.GetProperty("id").GetString(), StringComparison.Ordinal),
            System.Text.Encoding.UTF8,
            "application/json");

        var response = await client.PostAsync(url, content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(2, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", number));
    }

    // Found by the hardening fuzz test: a reward id with a control character was looked up, and the 404 that followed
    // was kept under the idempotency key: bad input was stored and the key spent.
    [Fact]
    public async Task RedeemPoints_RewardIdWithControlCharacter_IsValidationProblemAndLeavesTheKeyUnused()
    {
        var (_, device, pinId, program) = await SetUpAsync();
        var number = await EnrollAsync(device, program, pinId);
        using var client = app.Device(device.Token);
        await PostAsync(client, $"{Api}/cards/{number}/points", new { purchaseAmountMinor = 5000, currency = "EUR", pinId, idempotencyKey = "earn" });
        var rewardId = program.GetProperty("rewards")[0].GetProperty("id").GetString()!;

        var bad = await client.PostAsJsonAsync($"{Api}/cards/{number}/point-redemptions", new { rewardId = rewardId + "\u0001", pinId, idempotencyKey = "redeem" });

        await AssertProblemAsync(bad, HttpStatusCode.BadRequest, "validation");
        var redeemed = await PostAsync(client, $"{Api}/cards/{number}/point-redemptions", new { rewardId, pinId, idempotencyKey = "redeem" });
        Assert.Equal(50, redeemed.GetProperty("points").GetInt64());
    }

    private async Task<(TestStore Store, TestDevice Device, Guid PinId, JsonElement Program)> SetUpAsync()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new
        {
            name = "Coffee club",
            kind = "hybrid",
            stampsRequired = 10,
            stampRewardName = "Free coffee",
            pointsPerCurrencyUnit = 10,
            currency = "EUR",
            rewards = new[] { new { name = "Mug", pointsCost = 500 } },
            welcomeBonusPoints = 50,
        });
        var pinId = await app.CreatePinAsync(store.StoreId, "2468");
        var device = await app.PairAsync(store.StoreId);
        return (store, device, pinId, program);
    }

    private async Task<string> EnrollAsync(TestDevice device, JsonElement program, Guid pinId)
    {
        using var client = app.Device(device.Token);
        var card = await PostAsync(client, $"{Api}/enrollments", Enrollment(program, $"{Guid.NewGuid():N}@example.com", pinId, $"enrol-{Guid.NewGuid():N}"), HttpStatusCode.Created);
        return card.GetProperty("cardNumber").GetString()!;
    }

    private static object Enrollment(JsonElement program, string email, Guid pinId, string key) => new
    {
        programId = program.GetProperty("id").GetString(),
        email,
        name = "Lena Weber",
        phone = "+352 691 123 456",
        birthday = "1988-02-29",
        locale = "de",
        pinId,
        idempotencyKey = key,
    };

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
