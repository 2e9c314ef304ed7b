using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// Issue #19: every endpoint of both APIs, found in the running app, is called across a tenant boundary (see
/// <see cref="TenantCases"/>) and must answer 403 or 404 as problem+json with nothing stored; the same request by the
/// rightful owner then succeeds. <c>GET /staff</c> and <c>POST /pair</c> name no resource: they are checked for what
/// they hand out.
/// </summary>
public sealed class TenantMatrixTests(HardeningApp app) : IClassFixture<HardeningApp>
{
    private const string StaffKey = "GET /api/terminal/v1/staff";
    private const string PairKey = "POST /api/terminal/v1/pair";
    private const string MerchantsKey = "GET /api/admin/v1/merchants";

    // Apple Wallet's change list (keyed by the device's own identifier) and device log name no merchant's resource.
    private const string ChangedPassesKey = "GET /api/wallet/apple/v1/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}";
    private const string PassLogKey = "POST /api/wallet/apple/v1/log";

    [Fact]
    public async Task EveryEndpoint_OtherTenantsCredentials_AreRefusedAndChangeNothing()
    {
        var endpoints = ApiEndpoints.List(app.App.Services);
        var cases = endpoints
            .Where(e => ValidRequests.All.ContainsKey(e.Key))
            .SelectMany(e => TenantCases.For(e, ValidRequests.All[e.Key], app))
            .ToList();
        var uncovered = endpoints.Select(e => e.Key)
            .Where(key => key is not StaffKey and not PairKey and not MerchantsKey and not ChangedPassesKey and not PassLogKey && !cases.Any(c => c.Request.Key == key))
            .ToList();
        Assert.True(uncovered.Count == 0, $"Endpoints without a tenant case (add them to ValidRequests): {string.Join(", ", uncovered)}");

        using var client = app.App.CreateClient(bearerToken: null);
        var defects = new List<string>();
        var before = await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
        foreach (var crossing in cases)
        {
            using var response = await client.SendAsync(crossing.Request.ToMessage());
            var answer = await ApiAnswer.ReadAsync(response);
            defects.AddRange(answer.Defects.Select(d => $"{crossing}: {d}"));
            // Apple's PassKit contract answers a token of another pass with 401.
            var refused = crossing.Request.Route.StartsWith("/api/wallet/apple/", StringComparison.Ordinal) ? [401] : new[] { 403, 404 };
            if (!answer.DecidingStatuses.All(refused.Contains))
                defects.Add($"{crossing}: answered {string.Join('/', answer.DecidingStatuses)}, expected {string.Join(" or ", refused)}: {answer.Text}");
            var after = await DatabaseSnapshot.TakeAsync(app.App.ConnectionString);
            if (after.DifferenceFrom(before) is { Length: > 0 } changed)
                defects.Add($"{crossing}: changed {changed}");
            before = after;
        }

        // Only now the rightful owners, whose requests do change things.
        foreach (var crossing in cases)
        {
            using var response = await client.SendAsync(crossing.Control.ToMessage());
            var answer = await ApiAnswer.ReadAsync(response);
            if (!answer.Accepted || answer.DecidingStatuses.Any(s => s >= 300))
                defects.Add($"{crossing}: the rightful owner's request answered {string.Join('/', answer.DecidingStatuses)}: {answer.Text}");
        }

        Assert.True(defects.Count == 0, $"{defects.Count} defects:{Environment.NewLine}{string.Join(Environment.NewLine, defects)}");
    }

    [Fact]
    public async Task Staff_DeviceOfAnotherStoreOrMerchant_ListsOnlyItsOwnStoresPins()
    {
        Assert.Contains(ApiEndpoints.List(app.App.Services), e => e.Key == StaffKey);

        foreach (var scope in new[] { app.A1, app.A2, app.B })
        {
            using var device = app.Device(scope.Device.Token);
            await AssertOwnStaffOnlyAsync(device, scope);
        }
    }

    [Fact]
    public async Task Pair_CodeOfStoreA2_PairsWithThatStoreAndListsOnlyItsMerchantsPrograms()
    {
        Assert.Contains(ApiEndpoints.List(app.App.Services), e => e.Key == PairKey);
        using var client = app.Device(token: null);

        var response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = app.A2.PairingCode, deviceName = "Till A2" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paired = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(app.A2.StoreId, paired.GetProperty("store").GetProperty("id").GetGuid());
        Assert.Equal(app.A2.MerchantId, paired.GetProperty("merchant").GetProperty("id").GetGuid());
        var programs = paired.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
        Assert.Contains(app.A2.ProgramId, programs);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM programs WHERE program_id = ANY($1) AND merchant_id <> $2", programs, app.A2.MerchantId));
        using var device = app.Device(paired.GetProperty("deviceToken").GetString());
        await AssertOwnStaffOnlyAsync(device, app.A2);
    }

    [Fact]
    public async Task Merchants_OwnerToken_ListsOnlyItsOwnMerchant()
    {
        Assert.Contains(ApiEndpoints.List(app.App.Services), e => e.Key == MerchantsKey);

        foreach (var scope in new[] { app.A1, app.B })
        {
            using var owner = app.App.CreateClient(scope.OwnerToken);
            var page = await owner.GetFromJsonAsync<JsonElement>("/api/admin/v1/merchants?page=1&pageSize=200");
            Assert.Equal([scope.MerchantId], page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
            Assert.Equal(1, page.GetProperty("total").GetInt64());
        }
    }

    // Other tests of this class may add PINs to the world's stores: every listed PIN is the store's, its own among them.
    private async Task AssertOwnStaffOnlyAsync(HttpClient device, TenantScope scope)
    {
        var staff = await device.GetFromJsonAsync<JsonElement>("/api/terminal/v1/staff");
        var pins = staff.EnumerateArray().Select(p => p.GetProperty("pinId").GetGuid()).ToArray();
        Assert.Contains(scope.PinId, pins);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM staff_pins WHERE pin_id = ANY($1) AND store_id <> $2", pins, scope.StoreId));
        Assert.Equal(pins.Length, pins.Distinct().Count());
    }
}
