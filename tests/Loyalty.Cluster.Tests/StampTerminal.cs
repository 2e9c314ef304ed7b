using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// A merchant with one store, a stamps program, a staff PIN and a paired device, set up through the client's admin
/// and terminal APIs as an operator and a tablet would; and cards enrolled through that device.
/// </summary>
internal sealed class StampTerminal
{
    public const string TerminalApi = "/api/terminal/v1";

    public const string AdminApi = "/api/admin/v1";

    /// <summary>Stamps per reward: a card's total stamps are <c>rewardsAvailable × this + stamps</c>.</summary>
    public const int StampsRequired = 10;

    private StampTerminal(Guid pinId, string programId, string deviceToken)
    {
        PinId = pinId;
        ProgramId = programId;
        DeviceToken = deviceToken;
    }

    public Guid PinId { get; }

    public string ProgramId { get; }

    public string DeviceToken { get; }

    public static async Task<StampTerminal> SetUpAsync(ProcessCluster cluster)
    {
        using var admin = cluster.CreateClient(ProcessCluster.AdminToken);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var merchant = await PostAsync(admin, $"{AdminApi}/merchants", new { name = "Cluster Coffee", slug = $"cluster-{suffix}" }, HttpStatusCode.Created);
        var merchantId = merchant.GetProperty("id").GetGuid();
        var store = await PostAsync(admin, $"{AdminApi}/merchants/{merchantId}/stores", new { name = "Main street", slug = $"main-{suffix}" }, HttpStatusCode.Created);
        var storeId = store.GetProperty("id").GetGuid();
        var program = await PostAsync(
            admin,
            $"{AdminApi}/merchants/{merchantId}/programs",
            new { name = "Coffee stamps", kind = "stamps", stampsRequired = StampsRequired, stampRewardName = "Free coffee" },
            HttpStatusCode.Created);
        var staff = await PostAsync(admin, $"{AdminApi}/stores/{storeId}/staff", new { name = "Alex", pin = "2468" }, HttpStatusCode.Created);
        var code = await PostAsync(admin, $"{AdminApi}/stores/{storeId}/pairing-codes", new { }, HttpStatusCode.Created);

        using var unpaired = cluster.CreateClient(bearerToken: null);
        var device = await PostAsync(
            unpaired,
            $"{TerminalApi}/pair",
            new { code = code.GetProperty("code").GetString(), deviceName = "Till 1" },
            HttpStatusCode.Created);
        return new StampTerminal(staff.GetProperty("pinId").GetGuid(), program.GetProperty("id").GetString()!, device.GetProperty("deviceToken").GetString()!);
    }

    /// <summary>Enrols <paramref name="count"/> customers and returns their card numbers.</summary>
    public async Task<IReadOnlyList<string>> EnrollAsync(HttpClient device, int count)
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var card = await PostAsync(
                device,
                $"{TerminalApi}/enrollments",
                new { programId = ProgramId, email = $"customer-{i}-{Guid.NewGuid():N}@example.com", name = $"Customer {i}", pinId = PinId, idempotencyKey = $"enrol-{i}" },
                HttpStatusCode.Created);
            return card.GetProperty("cardNumber").GetString()!;
        }));
        return numbers;
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
