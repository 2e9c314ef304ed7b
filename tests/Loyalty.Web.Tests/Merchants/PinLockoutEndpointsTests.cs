using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Grains.Pins;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Merchants;

public sealed class PinLockoutEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task GetLockout_NothingSet_IsTheContractDefault()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var lockout = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{store.MerchantId}/pin-lockout");

        Assert.Equal("""{"maxConsecutiveFailures":5,"lockMinutes":15}""", lockout.GetRawText());
    }

    [Fact]
    public async Task Verify_MerchantWithThreeFailuresFiveMinutes_LocksOnTheThirdWrongPinForFiveMinutes()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var set = await admin.PutAsJsonAsync($"{Base}/merchants/{store.MerchantId}/pin-lockout", new { maxConsecutiveFailures = 3, lockMinutes = 5 });
        Assert.Equal("""{"maxConsecutiveFailures":3,"lockMinutes":5}""", await set.Content.ReadAsStringAsync());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{store.MerchantId}/pin-lockout")).GetProperty("maxConsecutiveFailures").GetInt32());
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        var path = $"/api/terminal/v1/staff/{pinId}/verify";

        foreach (var remaining in new[] { 2, 1 })
        {
            var wrong = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
            Assert.Equal(remaining, wrong.GetProperty("attemptsRemaining").GetInt32());
        }

        var lockedAt = app.Clock.GetUtcNow();
        var third = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Locked, "pin-locked");
        Assert.Equal(lockedAt.AddMinutes(5), third.GetProperty("lockedUntil").GetDateTimeOffset());

        app.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "4821" }), HttpStatusCode.Locked, "pin-locked");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, new { pin = "4821" })).StatusCode);
    }

    [Fact]
    public async Task Verify_ExistingPinAfterALockoutChange_UsesTheNewPolicyWithinTheRefreshInterval()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);
        using var admin = app.Admin();
        var path = $"/api/terminal/v1/staff/{pinId}/verify";
        var first = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
        Assert.Equal(4, first.GetProperty("attemptsRemaining").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Base}/merchants/{store.MerchantId}/pin-lockout", new { maxConsecutiveFailures = 2, lockMinutes = 10 })).StatusCode);
        app.Clock.Advance(PinGrain.PolicyRefreshInterval);

        var lockedAt = app.Clock.GetUtcNow();
        var second = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Locked, "pin-locked");
        Assert.Equal(lockedAt.AddMinutes(10), second.GetProperty("lockedUntil").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"maxConsecutiveFailures":0,"lockMinutes":0}""", "maxConsecutiveFailures", "lockMinutes")]
    [InlineData("""{"maxConsecutiveFailures":101,"lockMinutes":1441}""", "maxConsecutiveFailures", "lockMinutes")]
    [InlineData("""{"lockMinutes":10}""", "maxConsecutiveFailures")]
    [InlineData("""{"maxConsecutiveFailures":3,"lockMinutes":"ten"}""", "lockMinutes")]
    [InlineData("""{"maxConsecutiveFailures":3,"lockMinutes":5,"extra":1}""", "extra")]
    public async Task SetLockout_InvalidBody_IsValidationProblemAndChangesNothing(string body, params string[] fields)
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var response = await PostJsonTextAsync(admin, $"{Base}/merchants/{store.MerchantId}/pin-lockout", body, HttpMethod.Put);

        await AssertValidationAsync(response, fields);
        Assert.Equal(5, (await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{store.MerchantId}/pin-lockout")).GetProperty("maxConsecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task SetLockout_UnknownMerchantOrOtherMerchantsOwner_IsRefused()
    {
        var store = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var admin = app.Admin();
        using var owner = app.Device(await app.CreateMerchantOwnerTokenAsync(other.MerchantId));
        var body = new { maxConsecutiveFailures = 3, lockMinutes = 5 };

        await AssertProblemAsync(await admin.PutAsJsonAsync($"{Base}/merchants/{Guid.NewGuid()}/pin-lockout", body), HttpStatusCode.NotFound, "merchant-not-found");
        await AssertProblemAsync(await admin.GetAsync($"{Base}/merchants/{Guid.NewGuid()}/pin-lockout"), HttpStatusCode.NotFound, "merchant-not-found");
        await AssertProblemAsync(await owner.PutAsJsonAsync($"{Base}/merchants/{store.MerchantId}/pin-lockout", body), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"{Base}/merchants/{other.MerchantId}/pin-lockout", body)).StatusCode);
    }
}
