using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.GrainInterfaces.Cards;
using Orleans;

namespace Loyalty.Bench.Cards;

/// <summary>
/// A merchant, store, stamp program, staff PIN and paired device made through the real admin and pairing APIs (as a
/// terminal is set up in production), and cards enrolled through the enrolment grains.
/// </summary>
public sealed class CardFixture
{
    public const string BootstrapToken = "bench-bootstrap-token-0123456789abcdefghijklmnop";
    public const string TimeZone = "Europe/Luxembourg";

    private CardFixture(Uri baseAddress, Guid merchantId, Guid storeId, Guid programId, Guid pinId, Guid deviceId, string deviceToken)
    {
        (BaseAddress, MerchantId, StoreId, ProgramId, PinId, DeviceId, DeviceToken) = (baseAddress, merchantId, storeId, programId, pinId, deviceId, deviceToken);
    }

    public Uri BaseAddress { get; }

    public Guid MerchantId { get; }

    public Guid StoreId { get; }

    public Guid ProgramId { get; }

    public Guid PinId { get; }

    public Guid DeviceId { get; }

    public string DeviceToken { get; }

    public static async Task<CardFixture> CreateAsync(Uri baseAddress)
    {
        using var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var merchantId = (await PostAsync(admin, "/api/admin/v1/merchants", new { name = "Bench coffee", slug = $"bench-{suffix}" })).GetProperty("id").GetGuid();
        var storeId = (await PostAsync(admin, $"/api/admin/v1/merchants/{merchantId}/stores", new { name = "Bench store", slug = $"store-{suffix}", timeZone = TimeZone })).GetProperty("id").GetGuid();
        var program = await PostAsync(admin, $"/api/admin/v1/merchants/{merchantId}/programs", new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var programId = Guid.Parse(program.GetProperty("id").GetString()!);
        var pinId = (await PostAsync(admin, $"/api/admin/v1/stores/{storeId}/staff", new { name = "Alex", pin = "2468" })).GetProperty("pinId").GetGuid();
        var code = (await PostAsync(admin, $"/api/admin/v1/stores/{storeId}/pairing-codes", new { })).GetProperty("code").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        var device = await PostAsync(anonymous, "/api/terminal/v1/pair", new { code, deviceName = "Bench till" });
        return new CardFixture(baseAddress, merchantId, storeId, programId, pinId, device.GetProperty("deviceId").GetGuid(), device.GetProperty("deviceToken").GetString()!);
    }

    public OperationOrigin Origin(string idempotencyKey) => new(MerchantId, StoreId, DeviceId, PinId, TimeZone, idempotencyKey, null);

    /// <summary>Enrols <paramref name="count"/> cards through the enrolment grains, 64 at a time; answers their numbers.</summary>
    public async Task<string[]> EnrollAsync(IGrainFactory grains, int count, string prefix)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var numbers = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var email = $"{prefix}-{i}@bench.example";
            var outcome = await grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(ProgramId, email)).EnrollAsync(new EnrollmentRequest(
                ProgramId, new CustomerProfile("Bench Customer", email, null, null, "en"), Origin($"enrol-{prefix}-{i}")));
            numbers[i] = outcome.Status == CardOutcomeStatus.Applied
                ? outcome.Card!.CardNumber
                : throw new InvalidOperationException($"Enrolment {i} was {outcome.Status}: {outcome.Error?.Message}");
        });
        return numbers;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }
}
