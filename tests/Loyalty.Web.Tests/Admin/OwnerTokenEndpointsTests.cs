using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Admin;

public sealed class OwnerTokenEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task Create_PlatformAdmin_ShowsTheTokenOnceAndItReachesOnlyItsMerchant()
    {
        var own = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var response = await admin.PostAsJsonAsync(TokensPath(own.MerchantId), new { name = "  Owner laptop  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        var tokenId = created.GetProperty("id").GetGuid();
        Assert.Equal("Owner laptop", created.GetProperty("name").GetString());
        Assert.Equal(own.MerchantId, created.GetProperty("merchantId").GetGuid());
        Assert.Equal("merchant-owner", created.GetProperty("role").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), created.GetProperty("createdAt").GetDateTimeOffset());

        // Stored as its hash only; the list never shows the token again.
        Assert.Equal(AdminTokens.Hash(token), await app.QueryScalarAsync<byte[]>("SELECT token_hash FROM admin_tokens WHERE token_id = $1", tokenId));
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(TokensPath(own.MerchantId))).EnumerateArray());
        Assert.Equal(tokenId, listed.GetProperty("id").GetGuid());
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);

        using var owner = app.App.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/merchants/{own.MerchantId}")).StatusCode);
        await ProblemAssert.AssertAsync(await owner.GetAsync($"/api/admin/v1/merchants/{other.MerchantId}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertAsync(await owner.GetAsync($"/api/admin/v1/stores/{other.StoreId}/devices"), HttpStatusCode.Forbidden, "forbidden");

        // Audited with the acting admin token, never with the token itself.
        var bootstrapId = await app.QueryScalarAsync<Guid>("SELECT token_id FROM admin_tokens WHERE is_bootstrap");
        Assert.Equal(
            $"{bootstrapId:D}|admin-token.created|{tokenId:D}|Owner laptop",
            await app.QueryScalarAsync<string>(
                "SELECT actor || '|' || action || '|' || subject_id || '|' || (details->>'name') FROM audit_log WHERE merchant_id = $1 AND subject_type = 'admin-token'",
                own.MerchantId));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || $1 || '%'", token));
    }

    [Fact]
    public async Task Revoke_TokenInUse_ItsNextRequestIsUnauthorized()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var (tokenId, token) = await CreateAsync(admin, store.MerchantId, "Till office");
        using var owner = app.App.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/stores/{store.StoreId}/devices")).StatusCode);
        var revokedAt = app.Clock.GetUtcNow();

        var first = await admin.PostAsync($"{TokensPath(store.MerchantId)}/{tokenId}/revoke", content: null);
        var next = await owner.GetAsync($"/api/admin/v1/stores/{store.StoreId}/devices");
        var again = await admin.PostAsync($"{TokensPath(store.MerchantId)}/{tokenId}/revoke", content: null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await ProblemAssert.AssertAsync(next, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>(TokensPath(store.MerchantId))).EnumerateArray());
        Assert.Equal(revokedAt, listed.GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal(1L, await app.QueryScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE merchant_id = $1 AND action = 'admin-token.revoked' AND subject_id = $2", store.MerchantId, tokenId.ToString("D")));
    }

    [Fact]
    public async Task LastUsedAt_RequestsWithTheToken_RecordedAtMostOnceAMinute()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var (_, token) = await CreateAsync(admin, store.MerchantId, "Reporting job");
        using var owner = app.App.CreateClient(token);
        Assert.Equal(JsonValueKind.Null, (await SingleTokenAsync(admin, store.MerchantId)).GetProperty("lastUsedAt").ValueKind);

        var firstUse = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/merchants/{store.MerchantId}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/merchants/{store.MerchantId}")).StatusCode);
        Assert.Equal(firstUse, (await SingleTokenAsync(admin, store.MerchantId)).GetProperty("lastUsedAt").GetDateTimeOffset());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/merchants/{store.MerchantId}")).StatusCode);
        Assert.Equal(firstUse.AddMinutes(1), (await SingleTokenAsync(admin, store.MerchantId)).GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Endpoints_MerchantOwnerEvenOfThatMerchant_AreForbiddenAndChangeNothing()
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var (tokenId, _) = await CreateAsync(admin, store.MerchantId, "Kept");
        using var owner = app.App.CreateClient(await app.CreateMerchantOwnerTokenAsync(store.MerchantId));

        await ProblemAssert.AssertAsync(await owner.PostAsJsonAsync(TokensPath(store.MerchantId), new { name = "Mine" }), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertAsync(await owner.GetAsync(TokensPath(store.MerchantId)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertAsync(await owner.PostAsync($"{TokensPath(store.MerchantId)}/{tokenId}/revoke", null), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(2L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_tokens WHERE merchant_id = $1 AND revoked_at IS NULL", store.MerchantId));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM audit_log WHERE merchant_id = $1 AND subject_type = 'admin-token'", store.MerchantId));
    }

    [Theory]
    [InlineData("""{ }""", "name")]
    [InlineData("""{ "name": "   " }""", "name")]
    [InlineData("""{ "name": "tab\tinside" }""", "name")]
    [InlineData("""{ "name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }""", "name")]
    [InlineData("""{ "name": 12 }""", "name")]
    [InlineData("""{ "name": "Laptop", "role": "platform-admin" }""", "role")]
    public async Task Create_InvalidBody_IsValidationAndWritesNothing(string body, string field)
    {
        var store = await app.CreateStoreAsync();
        using var admin = app.Admin();

        var response = await AdminApi.PostJsonTextAsync(admin, TokensPath(store.MerchantId), body);

        await AdminApi.AssertValidationAsync(response, field);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_tokens WHERE merchant_id = $1", store.MerchantId));
    }

    [Fact]
    public async Task Endpoints_UnknownMerchantOrToken_AreNotFound()
    {
        var store = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var (othersToken, _) = await CreateAsync(admin, other.MerchantId, "Other's");
        var unknownMerchant = Guid.NewGuid();

        await ProblemAssert.AssertAsync(await admin.PostAsJsonAsync(TokensPath(unknownMerchant), new { name = "x" }), HttpStatusCode.NotFound, "merchant-not-found");
        await ProblemAssert.AssertAsync(await admin.GetAsync(TokensPath(unknownMerchant)), HttpStatusCode.NotFound, "merchant-not-found");
        await ProblemAssert.AssertAsync(await admin.PostAsync($"{TokensPath(store.MerchantId)}/{Guid.NewGuid()}/revoke", null), HttpStatusCode.NotFound, "admin-token-not-found");
        await ProblemAssert.AssertAsync(await admin.PostAsync($"{TokensPath(store.MerchantId)}/{othersToken}/revoke", null), HttpStatusCode.NotFound, "admin-token-not-found");

        // Platform-admin tokens are not merchant-owner tokens: this API cannot revoke them.
        var bootstrapId = await app.QueryScalarAsync<Guid>("SELECT token_id FROM admin_tokens WHERE is_bootstrap");
        await ProblemAssert.AssertAsync(await admin.PostAsync($"{TokensPath(store.MerchantId)}/{bootstrapId}/revoke", null), HttpStatusCode.NotFound, "admin-token-not-found");
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_tokens WHERE revoked_at IS NOT NULL AND (token_id = $1 OR token_id = $2)", othersToken, bootstrapId));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM admin_tokens WHERE merchant_id = $1", unknownMerchant));
    }

    private static string TokensPath(Guid merchantId) => $"/api/admin/v1/merchants/{merchantId}/owner-tokens";

    private static async Task<(Guid Id, string Token)> CreateAsync(HttpClient admin, Guid merchantId, string name)
    {
        var response = await admin.PostAsJsonAsync(TokensPath(merchantId), new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("token").GetString()!);
    }

    private static async Task<JsonElement> SingleTokenAsync(HttpClient admin, Guid merchantId) =>
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>(TokensPath(merchantId))).EnumerateArray());
}
