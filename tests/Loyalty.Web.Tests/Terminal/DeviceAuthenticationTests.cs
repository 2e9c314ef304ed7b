using System.Net;
using System.Net.Http.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

public sealed class DeviceAuthenticationTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task Staff_WithoutToken_IsDeviceUnauthorized()
    {
        using var client = app.Device(token: null);

        var response = await client.GetAsync("/api/terminal/v1/staff");

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "device-unauthorized");
    }

    [Theory]
    [InlineData("Bearer not-a-device-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Staff_UnknownOrMalformedToken_IsDeviceUnauthorized(string header)
    {
        using var client = app.Device(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/terminal/v1/staff");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "device-unauthorized");
    }

    [Fact]
    public async Task Verify_AdminTokenInsteadOfDeviceToken_IsDeviceUnauthorized()
    {
        using var client = app.Device(WebApp.BootstrapToken);

        var response = await client.PostAsJsonAsync($"/api/terminal/v1/staff/{Guid.NewGuid()}/verify", new { pin = "1234" });

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Unauthorized, "device-unauthorized");
    }

    [Fact]
    public async Task Revoke_ThenNextRequest_IsDeviceRevoked()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var device = await app.PairAsync(store.StoreId);
        var other = await app.PairAsync(store.StoreId, "Till 2");
        using var client = app.Device(device.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/terminal/v1/staff")).StatusCode);
        using var admin = app.Admin();

        var revoke = await admin.PostAsync($"/api/admin/v1/devices/{device.DeviceId}/revoke", content: null);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ProblemAssert.AssertAsync(await client.GetAsync("/api/terminal/v1/staff"), HttpStatusCode.Unauthorized, "device-revoked");
        await ProblemAssert.AssertAsync(
            await client.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" }), HttpStatusCode.Unauthorized, "device-revoked");
        using var stillPaired = app.Device(other.Token);
        Assert.Equal(HttpStatusCode.OK, (await stillPaired.GetAsync("/api/terminal/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task LastSeen_RequestsWithinAMinute_AreWrittenAtMostOnce()
    {
        var store = await app.CreateStoreAsync();
        var device = await app.PairAsync(store.StoreId);
        var pairedAt = app.Clock.GetUtcNow();
        using var client = app.Device(device.Token);
        const string LastSeen = "SELECT last_seen_at FROM devices WHERE device_id = $1";

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/terminal/v1/staff")).StatusCode);
        Assert.Equal(pairedAt.UtcDateTime, await app.QueryScalarAsync<DateTime>(LastSeen, device.DeviceId));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/terminal/v1/staff")).StatusCode);
        Assert.Equal(pairedAt.AddMinutes(1).UtcDateTime, await app.QueryScalarAsync<DateTime>(LastSeen, device.DeviceId));
    }

    [Fact]
    public async Task Token_OfRevokedDevice_StaysRevokedAfterPairingAgain()
    {
        var store = await app.CreateStoreAsync();
        var device = await app.PairAsync(store.StoreId);
        using var admin = app.Admin();
        await admin.PostAsync($"/api/admin/v1/devices/{device.DeviceId}/revoke", content: null);

        var paired = await app.PairAsync(store.StoreId);

        using var old = app.Device(device.Token);
        await ProblemAssert.AssertAsync(await old.GetAsync("/api/terminal/v1/staff"), HttpStatusCode.Unauthorized, "device-revoked");
        using var fresh = app.Device(paired.Token);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/terminal/v1/staff")).StatusCode);
    }
}
