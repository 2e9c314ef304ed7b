using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Operations;

/// <summary><c>/admin/devices</c>: pairing by the code the page shows, revocation and its effect on the terminal API, tenancy.</summary>
public sealed partial class DevicesPageTests(AdminSiteApp app) : IClassFixture<AdminSiteApp>
{
    [Fact]
    public async Task Pair_ShowsTheCodeOnceAndATabletPairsWithIt()
    {
        var store = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, store.MerchantId);
        var page = DevicesPath(store.StoreId);

        var paired = await owner.PostFormAsync(page, new Dictionary<string, string>(), $"{page}&handler=Pair");
        var shown = await owner.GetPageAsync(page);
        var again = await owner.GetPageAsync(page);
        var code = PairingCode().Match(shown).Groups[1].Value;
        using var tablet = app.Device(null);
        var pair = await tablet.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "Counter tablet" });
        var listed = await owner.GetPageAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.Equal(page, paired.Headers.Location?.OriginalString);
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$", code);
        Assert.Contains($"alt=\"QR code of the pairing code {code}\"", shown, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo", shown, StringComparison.Ordinal);
        Assert.Contains("No device is paired with this store yet.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(code, again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, pair.StatusCode);
        var deviceId = (await pair.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceId").GetGuid();
        Assert.Contains($"<tr data-device-id=\"{deviceId}\">", listed, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Counter tablet</th>", listed, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge ok\">Active</span>", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ActiveDevice_IsAuditedAsThePersonAndItsNextTerminalCallIsRefused()
    {
        var store = await app.CreateStoreAsync();
        var device = await app.PairAsync(store.StoreId, "Till 7");
        using var terminal = app.Device(device.Token);
        Assert.Equal(HttpStatusCode.OK, (await terminal.GetAsync("/api/terminal/v1/staff")).StatusCode);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, store.MerchantId, store.StoreId);
        var page = DevicesPath(store.StoreId);

        var before = await staff.GetPageAsync(page);
        var revoked = await staff.PostFormAsync(page, new Dictionary<string, string> { ["DeviceId"] = device.DeviceId.ToString("D") }, $"{page}&handler=Revoke");
        var after = await staff.GetPageAsync(page);
        var refused = await terminal.GetAsync("/api/terminal/v1/staff");

        Assert.Contains("<summary class=\"button danger\">Revoke…</summary>", before, StringComparison.Ordinal);
        Assert.Contains("<p>Revoke Till 7? The tablet is refused from its next request and must be paired again.</p>", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(page, revoked.Headers.Location?.OriginalString);
        Assert.Contains("<p class=\"flash\">Till 7 is revoked.</p>", after, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge danger\">Revoked</span>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Revoke…", after, StringComparison.Ordinal);
        await ProblemAssert.AssertAsync(refused, HttpStatusCode.Unauthorized, "device-revoked");
        Assert.Equal(
            $"account:{staff.Account.Id:D}|device.revoked",
            await app.QueryScalarAsync<string>("SELECT actor || '|' || action FROM audit_log WHERE subject_id = $1 AND action = 'device.revoked'", device.DeviceId.ToString("D")));
    }

    [Fact]
    public async Task OtherMerchantsOrStoresDevice_GetAndPost_AnswerTheNotFoundPageAndChangeNothing()
    {
        var own = await app.CreateStoreAsync();
        var sibling = await app.CreateStoreAsync(own.MerchantId);
        var foreign = await app.CreateStoreAsync();
        var foreignDevice = await app.PairAsync(foreign.StoreId);
        var siblingDevice = await app.PairAsync(sibling.StoreId);
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);
        using var staff = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.StoreStaff, own.MerchantId, own.StoreId);
        var ownPage = DevicesPath(own.StoreId);
        var foreignPage = DevicesPath(foreign.StoreId);

        var answers = new[]
        {
            await owner.GetAsync(foreignPage),
            await staff.GetAsync(DevicesPath(sibling.StoreId)),
            await owner.PostFormAsync(ownPage, new Dictionary<string, string>(), $"{foreignPage}&handler=Pair"),
            await staff.PostFormAsync(ownPage, new Dictionary<string, string>(), $"{ownPage}&handler=Pair"),
            await owner.PostFormAsync(ownPage, new Dictionary<string, string> { ["DeviceId"] = foreignDevice.DeviceId.ToString("D") }, $"{foreignPage}&handler=Revoke"),
            await owner.PostFormAsync(ownPage, new Dictionary<string, string> { ["DeviceId"] = foreignDevice.DeviceId.ToString("D") }, $"{ownPage}&handler=Revoke"),
            await staff.PostFormAsync(ownPage, new Dictionary<string, string> { ["DeviceId"] = siblingDevice.DeviceId.ToString("D") }, $"{ownPage}&handler=Revoke"),
            await owner.PostFormAsync(ownPage, new Dictionary<string, string> { ["DeviceId"] = Guid.NewGuid().ToString("D") }, $"{ownPage}&handler=Revoke"),
        };

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("Page not found", html, StringComparison.Ordinal);
            Assert.DoesNotContain(foreign.StoreName, html, StringComparison.Ordinal);
        }

        using var foreignTerminal = app.Device(foreignDevice.Token);
        using var siblingTerminal = app.Device(siblingDevice.Token);
        Assert.Equal(HttpStatusCode.OK, (await foreignTerminal.GetAsync("/api/terminal/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await siblingTerminal.GetAsync("/api/terminal/v1/staff")).StatusCode);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor IN ($1, $2)", $"account:{owner.Account.Id:D}", $"account:{staff.Account.Id:D}"));
    }

    [Fact]
    public async Task NoStoreChosen_OwnerPicksAmongTheirStoresOnly()
    {
        var own = await app.CreateStoreAsync();
        var second = await app.CreateStoreAsync(own.MerchantId);
        var foreign = await app.CreateStoreAsync();
        using var owner = await AdminSiteClient.CreateSignedInAsync(app.App, AdminPrincipal.MerchantOwner, own.MerchantId);

        var html = await owner.GetPageAsync("/admin/devices");

        Assert.Contains($"<option value=\"{own.StoreId}\">{own.StoreName}</option>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{second.StoreId}\">{second.StoreName}</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.StoreId.ToString("D"), html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty-state\">Choose a store.</p>", html, StringComparison.Ordinal);
    }

    private static string DevicesPath(Guid storeId) => $"/admin/devices?store={storeId:D}";

    [GeneratedRegex("<output id=\"pairing-code\" class=\"pairing-code\">([A-Z0-9]{8})</output>")]
    private static partial Regex PairingCode();
}
