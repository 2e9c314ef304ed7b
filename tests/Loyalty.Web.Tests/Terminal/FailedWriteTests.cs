using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>
/// A write the database refuses (PostgreSQL text cannot hold a NUL character) fails that request only: the pooled
/// connection it used must not break the requests after it, nor the stamps that share its commit.
/// </summary>
public sealed class FailedWriteTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";
    private const string NulKey = "nul-\0-key";

    [Fact]
    public async Task Stamp_NulInIdempotencyKey_IsRefusedAndTheNextRequestsSucceed()
    {
        var (device, pinId, numbers) = await SetUpAsync(cards: 1);
        using var client = app.Device(device.Token);
        var number = numbers[0];

        var refused = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = NulKey });
        var refusedText = await refused.Content.ReadAsStringAsync();

        // Which refusal (a 400 rather than a 503) is input validation's business; here it must only change nothing.
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, refusedText);

        // Sent one after another on the same app: each gets a pooled connection, none may find it broken.
        for (var i = 0; i < 20; i++)
        {
            var next = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = $"after-{i}" });
            Assert.True(next.StatusCode == HttpStatusCode.OK, $"stamp {i} after the refused one: {(int)next.StatusCode} {await next.Content.ReadAsStringAsync()}");
        }

        var card = await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{number}");
        Assert.Equal((0, 2), (card.GetProperty("stamps").GetInt32(), card.GetProperty("rewardsAvailable").GetInt32()));
        Assert.Equal(20, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", number));
    }

    [Fact]
    public async Task Stamp_NulInIdempotencyKeyAmongConcurrentStamps_FailsNoOtherStamp()
    {
        const int Cards = 8;
        const int Rounds = 10;
        var (device, pinId, numbers) = await SetUpAsync(Cards);
        using var client = app.Device(device.Token);

        // Every round, one stamp with a NUL key races a good stamp on every card, so they may share one group commit.
        var statuses = new List<(string Number, int Round, HttpStatusCode Status, string Text)>();
        for (var round = 0; round < Rounds; round++)
        {
            var bad = client.PostAsJsonAsync($"{Api}/cards/{numbers[round % Cards]}/stamps", new { count = 1, pinId, idempotencyKey = $"{NulKey}{round}" });
            var good = numbers.Select(async number =>
            {
                var response = await client.PostAsJsonAsync($"{Api}/cards/{number}/stamps", new { count = 1, pinId, idempotencyKey = $"good-{round}-{number}" });
                return (number, round, response.StatusCode, await response.Content.ReadAsStringAsync());
            }).ToList();
            Assert.Equal(HttpStatusCode.BadRequest, (await bad).StatusCode);
            statuses.AddRange(await Task.WhenAll(good));
        }

        var failed = statuses.Where(s => s.Status != HttpStatusCode.OK).ToList();
        Assert.True(
            failed.Count == 0,
            $"{failed.Count} of {statuses.Count} good stamps failed ({failed.Count(f => f.Number == numbers[f.Round % Cards])} on the card of the NUL stamp), e.g. {string.Join(" | ", failed.Take(3).Select(f => $"{(int)f.Status} {f.Text}"))}");
        foreach (var number in numbers)
        {
            Assert.Equal(Rounds, await app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", number));
            var card = await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{number}");
            Assert.Equal((0, 1), (card.GetProperty("stamps").GetInt32(), card.GetProperty("rewardsAvailable").GetInt32()));
        }
    }

    private async Task<(TestDevice Device, Guid PinId, List<string> Numbers)> SetUpAsync(int cards)
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var pinId = await app.CreatePinAsync(store.StoreId, "2468");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        var numbers = new List<string>();
        for (var i = 0; i < cards; i++)
        {
            var enrolled = await client.PostAsJsonAsync($"{Api}/enrollments", new
            {
                programId = program.GetProperty("id").GetString(),
                email = $"{Guid.NewGuid():N}@example.com",
                name = "Lena Weber",
                pinId,
                idempotencyKey = $"enrol-{Guid.NewGuid():N}",
            });
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            numbers.Add((await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!);
        }

        return (device, pinId, numbers);
    }
}
