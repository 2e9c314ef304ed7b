using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Testing;
using Loyalty.Web.Admin;
using Loyalty.Web.Tests.AppleWallet;
using Npgsql;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>
/// The web frontend on a manual clock, with helpers that create merchants, stores, programs, admin tokens, pairing
/// codes, devices and PINs over the real HTTP APIs.
/// </summary>
public class TerminalApp : IAsyncLifetime
{
    public const string PairPath = "/api/terminal/v1/pair";

    // Far above what the tests send, so only the rate-limit tests (with their own fixture) ever see a 429.
    protected static readonly Dictionary<string, string?> GenerousLimits = new()
    {
        ["Loyalty:Terminal:PairRequestsPerMinute"] = "10000",
        ["Loyalty:Terminal:PinVerificationsPerMinute"] = "10000",
        ["Loyalty:Terminal:EnrollmentsPerMinute"] = "10000",
    };

    public TerminalApp()
        : this(GenerousLimits)
    {
    }

    /// <param name="settings">
    /// Configuration on top of Apple Wallet configured with the test certificate chain (<see cref="TestPassCertificates"/>):
    /// the hardening and OpenAPI tests drive its web service with the rest of the APIs.
    /// </param>
    protected TerminalApp(IReadOnlyDictionary<string, string?> settings)
    {
        var merged = new Dictionary<string, string?>(TestPassCertificates.Settings());
        foreach (var (key, value) in settings)
            merged[key] = value;
        App = new WebApp(Clock, merged);
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public WebApp App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    public HttpClient Admin() => App.CreateClient(WebApp.BootstrapToken);

    public HttpClient Device(string? token) => App.CreateClient(token);

    /// <summary>A new store, of a new merchant unless one is given, created through the admin API.</summary>
    public async Task<TestStore> CreateStoreAsync(Guid? merchantId = null)
    {
        using var admin = Admin();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var merchantName = $"Merchant {suffix}";
        if (merchantId is null)
        {
            var merchant = await admin.PostAsJsonAsync("/api/admin/v1/merchants", new { name = merchantName, slug = $"merchant-{suffix}" });
            Assert.Equal(HttpStatusCode.Created, merchant.StatusCode);
            merchantId = (await merchant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        else
        {
            var existing = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/merchants/{merchantId}");
            merchantName = existing.GetProperty("name").GetString()!;
        }

        var storeName = $"Store {suffix}";
        var store = await admin.PostAsJsonAsync($"/api/admin/v1/merchants/{merchantId}/stores", new { name = storeName, slug = $"store-{suffix}" });
        Assert.Equal(HttpStatusCode.Created, store.StatusCode);
        var storeId = (await store.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new TestStore(storeId, storeName, merchantId.Value, merchantName);
    }

    /// <summary>A program of the merchant, created through the admin API; returns its JSON body (id, rewards with ids).</summary>
    public async Task<JsonElement> CreateProgramAsync(Guid merchantId, object program)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/merchants/{merchantId}/programs", program);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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

    /// <summary>A new store with a stamps program (10 stamps), a staff PIN (2468), a paired device and one enrolled card.</summary>
    public async Task<TestCard> CreateCardAsync()
    {
        var store = await CreateStoreAsync();
        var program = await CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var programId = program.GetProperty("id").GetGuid();
        var pinId = await CreatePinAsync(store.StoreId, "2468");
        var device = await PairAsync(store.StoreId);
        using var client = Device(device.Token);
        var enrolled = await client.PostAsJsonAsync("/api/terminal/v1/enrollments", new
        {
            programId,
            email = $"{Guid.NewGuid():N}@example.com",
            name = "Lena Weber",
            phone = "+352 621 000 000",
            birthday = "1990-04-01",
            pinId,
            idempotencyKey = $"enrol-{Guid.NewGuid():N}",
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var number = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!;
        return new TestCard(store, device, pinId, programId, number);
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

    public Task<T?> QueryScalarAsync<T>(string sql, params object[] parameters) => TestDatabase.ScalarAsync<T>(App.ConnectionString, sql, parameters);
}
