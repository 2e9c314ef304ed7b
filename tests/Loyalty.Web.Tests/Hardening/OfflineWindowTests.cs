using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// <c>occurredAt</c> is accepted only inside the offline window: not before the device was paired, not older than
/// <c>Loyalty:Terminal:OfflineWindowDays</c> (7 by default); and a backdated stamp still meets the cooldown for the
/// time the server received it.
/// </summary>
public sealed class OfflineWindowTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";

    [Fact]
    public async Task Stamps_BackdatedOutsideTheWindowOrSpacedOutInThePast_AreRefused()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee", stampCooldownSeconds = 600 });
        var pinId = await app.CreatePinAsync(store.StoreId, "482193");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        var pairedAt = app.Clock.GetUtcNow();
        var enrolled = await client.PostAsJsonAsync($"{Api}/enrollments", new
        {
            programId = program.GetProperty("id").GetString(), email = $"{Guid.NewGuid():N}@example.com", name = "Lena", pinId, idempotencyKey = "enrol",
        });
        var card = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!;
        var stamps = $"{Api}/cards/{card}/stamps";

        var yearOne = await AdminApi.PostJsonTextAsync(client, stamps, $$"""{"count":1,"pinId":"{{pinId}}","idempotencyKey":"year-1","occurredAt":"0001-01-01T00:00:00Z"}""");
        var beforePairing = await client.PostAsJsonAsync(stamps, new { count = 1, pinId, idempotencyKey = "before-pairing", occurredAt = pairedAt.AddDays(-1) });
        app.Clock.Advance(TimeSpan.FromDays(10));
        var now = app.Clock.GetUtcNow();
        var tooOld = await client.PostAsJsonAsync(stamps, new { count = 1, pinId, idempotencyKey = "too-old", occurredAt = now.AddDays(-8) });
        var sync = await client.PostAsJsonAsync($"{Api}/sync", new
        {
            operations = Enumerable.Range(1, 5).Select(i => new
            {
                kind = "stamp", deviceSeq = i, cardNumber = card, count = 1, pinId, idempotencyKey = $"queued-{i}", occurredAt = now.AddMinutes(-30 * (6 - i)),
            }),
        });

        await AdminApi.AssertValidationAsync(yearOne, "occurredAt");
        await AdminApi.AssertValidationAsync(beforePairing, "occurredAt");
        await AdminApi.AssertValidationAsync(tooOld, "occurredAt");
        var results = (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([200, 422, 422, 422, 422], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.All(results.Skip(1), r => Assert.Equal("cooldown-active", r.GetProperty("body").GetProperty("code").GetString()));
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"{Api}/cards/{card}")).GetProperty("stamps").GetInt32());
    }

    [Fact]
    public async Task Enrollment_OccurredBeforePairing_IsRefused()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var pinId = await app.CreatePinAsync(store.StoreId, "482193");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);

        var response = await client.PostAsJsonAsync($"{Api}/enrollments", new
        {
            programId = program.GetProperty("id").GetString(), email = "early@example.com", name = "Early", pinId, idempotencyKey = "early",
            occurredAt = app.Clock.GetUtcNow().AddHours(-1),
        });

        await AdminApi.AssertValidationAsync(response, "occurredAt");
    }
}
