using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Admin;

public sealed class DeviceAdminEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task List_StoreWithDevices_ShowsStatusAndTimes()
    {
        var store = await app.CreateStoreAsync();
        var pairedAt = app.Clock.GetUtcNow();
        var first = await app.PairAsync(store.StoreId, "Front");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await app.PairAsync(store.StoreId, "Back");
        using var admin = app.Admin();
        await admin.PostAsync($"/api/admin/v1/devices/{first.DeviceId}/revoke", content: null);

        var devices = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/stores/{store.StoreId}/devices")).EnumerateArray().ToList();

        Assert.Equal([first.DeviceId, second.DeviceId], devices.Select(d => d.GetProperty("deviceId").GetGuid()));
        Assert.Equal(["Front", "Back"], devices.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(["revoked", "active"], devices.Select(d => d.GetProperty("status").GetString()));
        Assert.Equal(pairedAt, devices[0].GetProperty("pairedAt").GetDateTimeOffset());
        Assert.Equal(pairedAt.AddMinutes(2), devices[1].GetProperty("lastSeenAt").GetDateTimeOffset());
        Assert.DoesNotContain(devices, d => d.TryGetProperty("tokenHash", out _) || d.TryGetProperty("deviceToken", out _));
    }

    [Fact]
    public async Task ListAndRevoke_MerchantOwnerOfAnotherMerchant_AreForbidden()
    {
        var own = await app.CreateStoreAsync();
        var foreign = await app.CreateStoreAsync();
        var device = await app.PairAsync(foreign.StoreId);
        using var owner = app.App.CreateClient(await app.CreateMerchantOwnerTokenAsync(own.MerchantId));

        var list = await owner.GetAsync($"/api/admin/v1/stores/{foreign.StoreId}/devices");
        var revoke = await owner.PostAsync($"/api/admin/v1/devices/{device.DeviceId}/revoke", content: null);

        await ProblemAssert.AssertAsync(list, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertAsync(revoke, HttpStatusCode.Forbidden, "forbidden");
        using var client = app.Device(device.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/terminal/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/stores/{own.StoreId}/devices")).StatusCode);
    }

    [Fact]
    public async Task Revoke_MerchantOwnerOfTheDevice_IsNoContentAndIdempotent()
    {
        var store = await app.CreateStoreAsync();
        var device = await app.PairAsync(store.StoreId);
        using var owner = app.App.CreateClient(await app.CreateMerchantOwnerTokenAsync(store.MerchantId));

        var first = await owner.PostAsync($"/api/admin/v1/devices/{device.DeviceId}/revoke", content: null);
        var second = await owner.PostAsync($"/api/admin/v1/devices/{device.DeviceId}/revoke", content: null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [Fact]
    public async Task Revoke_UnknownDevice_IsDeviceNotFound()
    {
        using var admin = app.Admin();

        var response = await admin.PostAsync($"/api/admin/v1/devices/{Guid.NewGuid()}/revoke", content: null);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "device-not-found");
    }
}
