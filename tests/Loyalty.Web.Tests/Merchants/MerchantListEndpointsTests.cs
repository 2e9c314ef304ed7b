using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Merchants;

public sealed class MerchantListEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Path = "/api/admin/v1/merchants";

    [Fact]
    public async Task List_PlatformAdmin_PagesThroughEveryMerchantWithItsStores()
    {
        var first = await app.CreateStoreAsync();
        var second = await app.CreateStoreAsync(first.MerchantId);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await app.CreateStoreAsync();
        using var admin = app.Admin();
        var total = await app.QueryScalarAsync<long>("SELECT count(*) FROM merchants");

        var pages = new List<JsonElement>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"{Path}?page={page}&pageSize=2");
            Assert.Equal((page, 2, total), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32(), body.GetProperty("total").GetInt64()));
            pages.AddRange(body.GetProperty("items").EnumerateArray());
        }

        // Oldest first, each merchant once, every merchant of the database.
        Assert.Equal(total, pages.Count);
        Assert.Equal(
            await IdsInCreationOrderAsync(),
            pages.Select(m => m.GetProperty("id").GetGuid()));
        var mine = pages.Single(m => m.GetProperty("id").GetGuid() == first.MerchantId);
        Assert.Equal(first.MerchantName, mine.GetProperty("name").GetString());
        Assert.StartsWith("merchant-", mine.GetProperty("slug").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            new[] { (first.StoreId, first.StoreName), (second.StoreId, second.StoreName) }.OrderBy(s => s.Item2, StringComparer.Ordinal),
            mine.GetProperty("stores").EnumerateArray().Select(s => (s.GetProperty("id").GetGuid(), s.GetProperty("name").GetString()!)));
        var theirs = pages.Single(m => m.GetProperty("id").GetGuid() == other.MerchantId);
        Assert.Equal([other.StoreId], theirs.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        var empty = await admin.GetFromJsonAsync<JsonElement>($"{Path}?page={total + 1}&pageSize=1");
        Assert.Equal(0, empty.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task List_MerchantOwner_SeesOnlyItsOwnMerchant()
    {
        var own = await app.CreateStoreAsync();
        await app.CreateStoreAsync();
        using var owner = app.App.CreateClient(await app.CreateMerchantOwnerTokenAsync(own.MerchantId));

        var body = await owner.GetFromJsonAsync<JsonElement>(Path);

        Assert.Equal(1, body.GetProperty("total").GetInt64());
        var merchant = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(own.MerchantId, merchant.GetProperty("id").GetGuid());
        Assert.Equal([own.StoreId], merchant.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?pageSize=-1&page=1", "pageSize")]
    public async Task List_BadPaging_IsValidation(string query, string field)
    {
        using var admin = app.Admin();

        await AdminApi.AssertValidationAsync(await admin.GetAsync(Path + query), field);
    }

    [Fact]
    public async Task List_NoToken_IsUnauthorized()
    {
        using var anonymous = app.App.CreateClient(bearerToken: null);

        await ProblemAssert.AssertAsync(await anonymous.GetAsync(Path), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<List<Guid>> IdsInCreationOrderAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT merchant_id FROM merchants ORDER BY created_at, merchant_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}
