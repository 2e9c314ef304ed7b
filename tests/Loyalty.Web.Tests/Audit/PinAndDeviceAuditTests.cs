using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;
using static Loyalty.Web.Tests.Hosting.AdminApi;

namespace Loyalty.Web.Tests.Audit;

public sealed class PinAndDeviceAuditTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task AuditLog_PinDeviceAndLockoutChanges_AreListedWithTheirActors()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821", "Alex");
        var device = await app.PairAsync(store.StoreId, "Till 7");
        using var admin = app.Admin();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{Base}/devices/{device.DeviceId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{Base}/devices/{device.DeviceId}/revoke", null)).StatusCode);
        var lockout = await admin.PutAsJsonAsync($"{Base}/merchants/{store.MerchantId}/pin-lockout", new { maxConsecutiveFailures = 3, lockMinutes = 5 });
        Assert.Equal(HttpStatusCode.OK, lockout.StatusCode);
        var adminActor = (await BootstrapTokenIdAsync(app.App)).ToString();

        var log = await admin.GetFromJsonAsync<JsonElement>($"{Base}/merchants/{store.MerchantId}/audit-log");

        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["merchant.pin-lockout-changed", "device.revoked", "device.paired", "pin.created", "store.created", "merchant.created"],
            items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(
            [adminActor, adminActor, $"device:{device.DeviceId}", adminActor, adminActor, adminActor],
            items.Select(i => i.GetProperty("actor").GetString()));
        Assert.Equal(
            [store.MerchantId.ToString(), device.DeviceId.ToString(), device.DeviceId.ToString(), pinId.ToString()],
            items.Take(4).Select(i => i.GetProperty("subjectId").GetString()));

        var lockoutDetails = items[0].GetProperty("details");
        Assert.Equal(3, lockoutDetails.GetProperty("maxConsecutiveFailures").GetInt32());
        Assert.Equal(5, lockoutDetails.GetProperty("lockMinutes").GetInt32());
        Assert.Equal(5, lockoutDetails.GetProperty("previousMaxConsecutiveFailures").GetInt32());
        Assert.Equal(15, lockoutDetails.GetProperty("previousLockMinutes").GetInt32());
        Assert.Equal("Till 7", items[1].GetProperty("details").GetProperty("name").GetString());
        Assert.Equal(store.StoreId, items[2].GetProperty("details").GetProperty("storeId").GetGuid());

        // The PIN's audit entry names the staff member, never the PIN or its hash.
        var pinDetails = items[3].GetProperty("details");
        Assert.Equal(["name", "storeId"], pinDetails.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("4821", pinDetails.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_SameLockoutSetTwice_IsAuditedOnce()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var path = $"{Base}/merchants/{store.MerchantId}/pin-lockout";

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(path, new { maxConsecutiveFailures = 4, lockMinutes = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(path, new { maxConsecutiveFailures = 4, lockMinutes = 30 })).StatusCode);

        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.pin-lockout-changed'", store.MerchantId));
    }
}
