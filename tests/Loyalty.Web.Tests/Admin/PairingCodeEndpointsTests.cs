using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.GrainInterfaces.Pairing;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Admin;

public sealed class PairingCodeEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Create_PlatformAdmin_IssuesCodeValidTenMinutesWithQrPng()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var response = await admin.PostAsJsonAsync($"/api/admin/v1/stores/{store.StoreId}/pairing-codes", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("code").GetString()!;
        Assert.Equal(8, code.Length);
        Assert.All(code, c => Assert.Contains(c, PairingCodes.Alphabet));
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), body.GetProperty("expiresAt").GetDateTimeOffset());
        var png = Convert.FromBase64String(body.GetProperty("qrPngBase64").GetString()!);
        Assert.Equal(PngSignature, png[..8]);
    }

    [Fact]
    public async Task Create_EmptyBody_IsAcceptedLikeEmptyObject()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var response = await admin.PostAsync($"/api/admin/v1/stores/{store.StoreId}/pairing-codes", content: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_MerchantOwnerOfAnotherMerchant_IsForbidden()
    {
        var own = await app.CreateStoreAsync();
        var foreign = await app.CreateStoreAsync();
        using var owner = app.App.CreateClient(await app.CreateMerchantOwnerTokenAsync(own.MerchantId));

        var allowed = await owner.PostAsJsonAsync($"/api/admin/v1/stores/{own.StoreId}/pairing-codes", new { });
        var refused = await owner.PostAsJsonAsync($"/api/admin/v1/stores/{foreign.StoreId}/pairing-codes", new { });

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        await ProblemAssert.AssertAsync(refused, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Create_UnknownStore_IsStoreNotFound()
    {
        using var admin = app.Admin();

        var response = await admin.PostAsJsonAsync($"/api/admin/v1/stores/{Guid.NewGuid()}/pairing-codes", new { });

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "store-not-found");
    }
}
