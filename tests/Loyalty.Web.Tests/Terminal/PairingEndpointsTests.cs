using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

public sealed class PairingEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task Pair_IssuedCode_CreatesDeviceWithStoreMerchantAndPrograms()
    {
        var store = await app.CreateStoreAsync();
        var code = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);

        var response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = code.ToLowerInvariant(), deviceName = "Front till" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var deviceId = body.GetProperty("deviceId").GetGuid();
        var token = body.GetProperty("deviceToken").GetString()!;
        Assert.Equal(43, token.Length);
        Assert.Equal(store.StoreId, body.GetProperty("store").GetProperty("id").GetGuid());
        Assert.Equal(store.StoreName, body.GetProperty("store").GetProperty("name").GetString());
        Assert.Equal(store.MerchantId, body.GetProperty("merchant").GetProperty("id").GetGuid());
        Assert.Equal(store.MerchantName, body.GetProperty("merchant").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("programs").ValueKind);
        Assert.Empty(body.GetProperty("programs").EnumerateArray());

        // Only the token's hash is stored.
        var stored = await app.QueryScalarAsync<byte[]>("SELECT token_hash FROM devices WHERE device_id = $1", deviceId);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), stored);
        using var device = app.Device(token);
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync("/api/terminal/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Pair_MerchantWithPrograms_ListsThem()
    {
        var store = await app.CreateStoreAsync();
        var created = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee card", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var programId = created.GetProperty("id").GetGuid();
        var code = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);

        var response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "Till" });

        var programs = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("programs");
        var program = Assert.Single(programs.EnumerateArray());
        Assert.Equal(programId, program.GetProperty("id").GetGuid());
        Assert.Equal("Coffee card", program.GetProperty("name").GetString());
        Assert.Equal("stamps", program.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Pair_CodeUsedBefore_IsGone()
    {
        var store = await app.CreateStoreAsync();
        var code = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "A" })).StatusCode);

        var again = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = "B" });

        await ProblemAssert.AssertAsync(again, HttpStatusCode.Gone, "pairing-code-expired");
    }

    [Fact]
    public async Task Pair_ConcurrentRedemptions_ExactlyOneSucceeds()
    {
        var store = await app.CreateStoreAsync();
        var code = await app.IssueCodeAsync(store.StoreId);
        var clients = Enumerable.Range(0, 8).Select(_ => app.Device(token: null)).ToList();

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName = $"Till {i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ProblemAssert.AssertAsync(refused, HttpStatusCode.Gone, "pairing-code-expired");
        }

        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM devices WHERE store_id = $1", store.StoreId));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Pair_TenMinutesAfterIssue_IsGone()
    {
        var store = await app.CreateStoreAsync();
        var early = await app.IssueCodeAsync(store.StoreId);
        var late = await app.IssueCodeAsync(store.StoreId);
        using var client = app.Device(token: null);

        app.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var justInTime = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = early, deviceName = "A" });
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = late, deviceName = "B" });

        Assert.Equal(HttpStatusCode.Created, justInTime.StatusCode);
        await ProblemAssert.AssertAsync(expired, HttpStatusCode.Gone, "pairing-code-expired");
    }

    [Fact]
    public async Task Pair_CodeNeverIssued_IsGone()
    {
        using var client = app.Device(token: null);

        var response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = "ZZZZ2222", deviceName = "A" });

        await ProblemAssert.AssertAsync(response, HttpStatusCode.Gone, "pairing-code-expired");
    }

    [Theory]
    [InlineData("ABC", "Till", "code")]
    [InlineData("ABCD0OI1", "Till", "code")]
    [InlineData("ABCDEFGH", "  ", "deviceName")]
    [InlineData(null, "Till", "code")]
    public async Task Pair_InvalidFields_IsValidationProblemNamingTheField(string? code, string deviceName, string field)
    {
        using var client = app.Device(token: null);

        var response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code, deviceName });

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
