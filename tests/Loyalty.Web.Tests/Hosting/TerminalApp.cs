using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Testing;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>
/// The web frontend on a manual clock, with helpers to seed merchants and stores (in the read-model tables the
/// merchant and store grains will own), admin tokens, pairing codes, devices and PINs over the real HTTP APIs.
/// </summary>
public class TerminalApp : IAsyncLifetime
{
    public const string PairPath = "/api/terminal/v1/pair";

    // Far above what the tests send, so only the rate-limit tests (with their own fixture) ever see a 429.
    private static readonly Dictionary<string, string?> GenerousLimits = new()
    {
        ["Loyalty:Terminal:PairRequestsPerMinute"] = "10000",
        ["Loyalty:Terminal:PinVerificationsPerMinute"] = "10000",
    };

    public TerminalApp()
        : this(GenerousLimits)
    {
    }

    protected TerminalApp(IReadOnlyDictionary<string, string?> settings)
    {
        App = new WebApp(Clock, settings);
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public WebApp App { get; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();

        // The merchant and store modules create these tables on another branch; only the columns read here matter.
        await ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS merchants (merchant_id uuid PRIMARY KEY, name text NOT NULL);
            CREATE TABLE IF NOT EXISTS stores (store_id uuid PRIMARY KEY, merchant_id uuid NOT NULL, name text NOT NULL);
            """);
    }

    public Task DisposeAsync() => App.DisposeAsync();

    public HttpClient Admin() => App.CreateClient(WebApp.BootstrapToken);

    public HttpClient Device(string? token) => App.CreateClient(token);

    /// <summary>A new merchant with one store, each with a unique name.</summary>
    public async Task<TestStore> CreateStoreAsync(Guid? merchantId = null)
    {
        var store = new TestStore(Guid.NewGuid(), $"Store {Guid.NewGuid():N}", merchantId ?? Guid.NewGuid(), $"Merchant {Guid.NewGuid():N}");
        await ExecuteAsync(
            "INSERT INTO merchants (merchant_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            store.MerchantId, store.MerchantName);
        await ExecuteAsync("INSERT INTO stores (store_id, merchant_id, name) VALUES ($1, $2, $3)", store.StoreId, store.MerchantId, store.StoreName);
        return store;
    }

    public async Task<string> CreateMerchantOwnerTokenAsync(Guid merchantId)
    {
        var token = AdminTokens.Generate();
        await ExecuteAsync(
            "INSERT INTO admin_tokens (token_id, token_hash, role, merchant_id, description, created_at) VALUES ($1, $2, 'merchant-owner', $3, 'test', now())",
            Guid.NewGuid(), AdminTokens.Hash(token), merchantId);
        return token;
    }

    public async Task<string> IssueCodeAsync(Guid storeId)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/stores/{storeId}/pairing-codes", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public async Task<TestDevice> PairAsync(Guid storeId, string name = "Till 1")
    {
        var code = await IssueCodeAsync(storeId);
        using var client = App.CreateClient(bearerToken: null);
        var response = await client.PostAsJsonAsync(PairPath, new { code, deviceName = name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestDevice(body.GetProperty("deviceId").GetGuid(), body.GetProperty("deviceToken").GetString()!);
    }

    public async Task<Guid> CreatePinAsync(Guid storeId, string pin, string name = "Alex")
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/stores/{storeId}/staff", new { name, pin });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pinId").GetGuid();
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> QueryScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
