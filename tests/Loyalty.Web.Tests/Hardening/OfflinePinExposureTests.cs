using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// What a paired (or stolen) device learns from <c>GET /staff</c> (ADR 0017): offline verifiers only for PINs of at
/// least <c>Loyalty:Terminal:OfflinePinMinimumDigits</c> digits, each with an expiry; and the playbook's rotation.
/// </summary>
public sealed class OfflinePinExposureTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";

    [Fact]
    public async Task Staff_ShortPin_HasNoOfflineVerifierAndALongOneExpires()
    {
        var store = await app.CreateStoreAsync();
        var shortPin = await app.CreatePinAsync(store.StoreId, "4821", "Anna");
        var longPin = await app.CreatePinAsync(store.StoreId, "48213957", "Luc");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);

        var staff = (await client.GetFromJsonAsync<JsonElement>($"{Api}/staff")).EnumerateArray().ToDictionary(s => s.GetProperty("pinId").GetGuid());

        Assert.Equal(JsonValueKind.Null, staff[shortPin].GetProperty("pinHash").ValueKind);
        Assert.Equal(JsonValueKind.Null, staff[shortPin].GetProperty("offlineVerifierExpiresAt").ValueKind);
        Assert.StartsWith("$2b$10$", staff[longPin].GetProperty("pinHash").GetString(), StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(7), staff[longPin].GetProperty("offlineVerifierExpiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{Api}/staff/{shortPin}/verify", new { pin = "4821" })).StatusCode);
    }

    [Fact]
    public async Task ChangePin_ReplacesTheVerifierSoTheOldPinNoLongerWorks()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "482139", "Marie");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        using var admin = app.Admin();
        var before = await PinHashAsync(client, pinId);

        var changed = await admin.PostAsJsonAsync($"{AdminApi.Base}/stores/{store.StoreId}/staff/{pinId}/pin", new { pin = "739105" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(pinId, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pinId").GetGuid());
        Assert.NotEqual(before, await PinHashAsync(client, pinId));
        await ProblemAssert.AssertAsync(await client.PostAsJsonAsync($"{Api}/staff/{pinId}/verify", new { pin = "482139" }), HttpStatusCode.Unauthorized, "pin-invalid");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{Api}/staff/{pinId}/verify", new { pin = "739105" })).StatusCode);
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'pin.changed' AND subject_id = $1", pinId.ToString("D")));
    }

    [Fact]
    public async Task ChangePin_OfAnotherStoreOrMalformed_IsRefusedAndChangesNothing()
    {
        var store = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync(store.MerchantId);
        var pinId = await app.CreatePinAsync(store.StoreId, "482139", "Tom");
        using var admin = app.Admin();

        var wrongStore = await admin.PostAsJsonAsync($"{AdminApi.Base}/stores/{other.StoreId}/staff/{pinId}/pin", new { pin = "739105" });
        var malformed = await admin.PostAsJsonAsync($"{AdminApi.Base}/stores/{store.StoreId}/staff/{pinId}/pin", new { pin = "73a1" });

        await ProblemAssert.AssertAsync(wrongStore, HttpStatusCode.NotFound, "pin-not-found");
        await AdminApi.AssertValidationAsync(malformed, "pin");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{Api}/staff/{pinId}/verify", new { pin = "482139" })).StatusCode);
    }

    private static async Task<string?> PinHashAsync(HttpClient client, Guid pinId) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/staff")).EnumerateArray()
            .Single(s => s.GetProperty("pinId").GetGuid() == pinId).GetProperty("pinHash").GetString();
}
