using System.Net;
using System.Net.Http.Json;
using Loyalty.GrainInterfaces.Devices;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Loyalty.Web.Tests.Terminal;

public sealed class RateLimitTests(RateLimitedTerminalApp app) : IClassFixture<RateLimitedTerminalApp>
{
    private const string EnrollPath = "/api/terminal/v1/enrollments";

    [Fact]
    public async Task Verify_OverTheDeviceLimit_IsRateLimitedForThatDeviceOnly()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var (first, second) = await PairTwoDevicesAsync(store);
        using var busy = app.Device(first.Token);
        using var quiet = app.Device(second.Token);
        var path = $"/api/terminal/v1/staff/{pinId}/verify";
        for (var i = 0; i < RateLimitedTerminalApp.PinVerificationsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.PostAsJsonAsync(path, new { pin = "4821" })).StatusCode);
        }

        var limited = await busy.PostAsJsonAsync(path, new { pin = "4821" });
        var other = await quiet.PostAsJsonAsync(path, new { pin = "4821" });

        var problem = await ProblemAssert.AssertAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfter").GetInt32());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Enroll_OverTheDeviceLimit_IsRateLimitedForThatDeviceOnly()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var programId = program.GetProperty("id").GetGuid();
        var (first, second) = await PairTwoDevicesAsync(store);
        using var busy = app.Device(first.Token);
        using var quiet = app.Device(second.Token);
        object Enrolment(string who) => new { programId, email = $"{who}@example.com", name = who, pinId, idempotencyKey = $"enrol-{who}" };
        for (var i = 0; i < RateLimitedTerminalApp.EnrollmentsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await busy.PostAsJsonAsync(EnrollPath, Enrolment($"customer{i}"))).StatusCode);
        }

        var limited = await busy.PostAsJsonAsync(EnrollPath, Enrolment("one-too-many"));
        var other = await quiet.PostAsJsonAsync(EnrollPath, Enrolment("elsewhere"));

        var problem = await ProblemAssert.AssertAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfter").GetInt32());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        // Refused before the endpoint ran: no card was created for the refused request.
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE customer_email = 'one-too-many@example.com'"));
    }

    [Fact]
    public async Task Sync_EnrolmentsOverTheDeviceLimit_AreRateLimitedLikeTheSingleEndpoint()
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, "4821");
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = 10, stampRewardName = "Coffee" });
        var programId = program.GetProperty("id").GetGuid();
        var (device, _) = await PairTwoDevicesAsync(store);
        using var client = app.Device(device.Token);
        var operations = Enumerable.Range(1, RateLimitedTerminalApp.EnrollmentsPerMinute + 2).Select(i => new
        {
            kind = "enrollment", deviceSeq = i, programId, email = $"sync{i}-{programId:N}@example.com", name = $"Customer {i}", pinId, idempotencyKey = $"sync-enrol-{i}",
        });

        var sync = await client.PostAsJsonAsync("/api/terminal/v1/sync", new { operations });
        var single = await client.PostAsJsonAsync(EnrollPath, new { programId, email = $"single-{programId:N}@example.com", name = "Single", pinId, idempotencyKey = "single" });

        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var results = (await sync.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([201, 201, 201, 429, 429], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("rate-limited", results[3].GetProperty("body").GetProperty("code").GetString());
        Assert.InRange(results[3].GetProperty("body").GetProperty("retryAfter").GetInt32(), 1, 60);
        await ProblemAssert.AssertAsync(single, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(3L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE program_id = $1", programId));
    }

    [Fact]
    public async Task Pair_OverTheAddressLimit_IsRateLimitedBeforeTheCodeIsSpent()
    {
        using var client = app.Device(token: null);

        // The limit is per client address and these tests share one, so spend what is left of it with junk codes.
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await client.PostAsJsonAsync(TerminalApp.PairPath, new { code = "ZZZZ2222", deviceName = "A" });
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.Gone && attempts <= RateLimitedTerminalApp.PairRequestsPerMinute);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    // Paired through the device grain, not POST /pair, so this test does not depend on the pairing budget.
    private async Task<(TestDevice First, TestDevice Second)> PairTwoDevicesAsync(TestStore store)
    {
        var grains = app.App.Services.GetRequiredService<IGrainFactory>();
        var devices = new List<TestDevice>();
        foreach (var name in new[] { "Till 1", "Till 2" })
        {
            var pairing = await grains.GetGrain<IDeviceGrain>(Guid.NewGuid()).PairAsync(new PairDeviceCommand(store.StoreId, store.MerchantId, name));
            devices.Add(new TestDevice(pairing!.Device.DeviceId, pairing.Token));
        }

        return (devices[0], devices[1]);
    }
}
