using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

public sealed class StaffEndpointsTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task ListStaff_PairedDevice_ReturnsItsStoresBcryptHashesThatVerify()
    {
        var store = await app.CreateStoreAsync();
        var other = await app.CreateStoreAsync();
        var alex = await app.CreatePinAsync(store.StoreId, "482193", "Alex");
        var sam = await app.CreatePinAsync(store.StoreId, "90817263", "Sam");
        await app.CreatePinAsync(other.StoreId, "1111", "Elsewhere");
        var device = await app.PairAsync(store.StoreId);
        using var client = app.Device(device.Token);

        var staff = await client.GetFromJsonAsync<JsonElement>("/api/terminal/v1/staff");

        var entries = staff.EnumerateArray().ToList();
        Assert.Equal([alex, sam], entries.Select(e => e.GetProperty("pinId").GetGuid()));
        Assert.Equal(["Alex", "Sam"], entries.Select(e => e.GetProperty("name").GetString()));
        foreach (var (entry, pin) in entries.Zip(["482193", "90817263"]))
        {
            var hash = entry.GetProperty("pinHash").GetString()!;
            Assert.StartsWith("$2b$", hash, StringComparison.Ordinal);
            Assert.True(int.Parse(hash[4..6], System.Globalization.CultureInfo.InvariantCulture) >= 10, hash);
            Assert.True(BCrypt.Net.BCrypt.Verify(pin, hash));
            Assert.False(BCrypt.Net.BCrypt.Verify("0000", hash));
            Assert.False(entry.GetProperty("locked").GetBoolean());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("lockedUntil").ValueKind);
        }
    }

    [Fact]
    public async Task Verify_RightPin_IsValid()
    {
        var (client, pinId) = await PairWithPinAsync("4821");

        var response = await client.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"valid":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_FiveWrongPins_CountsDownThenLocksForFifteenMinutes()
    {
        var (client, pinId) = await PairWithPinAsync("4821");
        var path = $"/api/terminal/v1/staff/{pinId}/verify";

        foreach (var remaining in new[] { 4, 3, 2, 1 })
        {
            var wrong = await client.PostAsJsonAsync(path, new { pin = "0000" });
            var problem = await ProblemAssert.AssertAsync(wrong, HttpStatusCode.Unauthorized, "pin-invalid");
            Assert.Equal(remaining, problem.GetProperty("attemptsRemaining").GetInt32());
        }

        var lockedAt = app.Clock.GetUtcNow();
        var fifth = await client.PostAsJsonAsync(path, new { pin = "0000" });
        var locked = await ProblemAssert.AssertAsync(fifth, HttpStatusCode.Locked, "pin-locked");
        Assert.Equal(lockedAt + LockDuration, locked.GetProperty("lockedUntil").GetDateTimeOffset());

        // While locked even the right PIN is refused, and terminals see the lock in the staff list.
        var right = await client.PostAsJsonAsync(path, new { pin = "4821" });
        await ProblemAssert.AssertAsync(right, HttpStatusCode.Locked, "pin-locked");
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/terminal/v1/staff")).EnumerateArray().Single();
        Assert.True(listed.GetProperty("locked").GetBoolean());
        Assert.Equal(lockedAt + LockDuration, listed.GetProperty("lockedUntil").GetDateTimeOffset());

        app.Clock.Advance(LockDuration - TimeSpan.FromSeconds(1));
        await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "4821" }), HttpStatusCode.Locked, "pin-locked");

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var unlocked = await client.PostAsJsonAsync(path, new { pin = "4821" });
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/terminal/v1/staff")).EnumerateArray().Single().GetProperty("locked").GetBoolean());
    }

    // Found by the hardening fuzz test: malformed PINs used to count as wrong guesses, so bad input changed state
    // (five of them locked the PIN).
    [Theory]
    [InlineData("")]
    [InlineData("482")]
    [InlineData("123456789")]
    [InlineData("48a1")]
    [InlineData("4821\u0000")]
    [InlineData("\u00014821")]
    public async Task Verify_MalformedPin_IsValidationProblemAndDoesNotCount(string malformed)
    {
        var (client, pinId) = await PairWithPinAsync("4821");
        var path = $"/api/terminal/v1/staff/{pinId}/verify";

        for (var i = 0; i < 6; i++)
        {
            var problem = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = malformed }), HttpStatusCode.BadRequest, "validation");
            Assert.Equal(["pin"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        var wrong = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
        Assert.Equal(4, wrong.GetProperty("attemptsRemaining").GetInt32());
    }

    [Fact]
    public async Task Verify_ParallelWrongGuesses_NeverGetPastTheLimit()
    {
        var (client, pinId) = await PairWithPinAsync("4821");
        var path = $"/api/terminal/v1/staff/{pinId}/verify";

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync(path, new { pin = $"{1000 + i}" })));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(6, responses.Count(r => r.StatusCode == HttpStatusCode.Locked));
        await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "4821" }), HttpStatusCode.Locked, "pin-locked");
    }

    [Fact]
    public async Task Verify_RightPinAfterFailures_StartsTheCountAgain()
    {
        var (client, pinId) = await PairWithPinAsync("4821");
        var path = $"/api/terminal/v1/staff/{pinId}/verify";
        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, new { pin = "4821" })).StatusCode);

        var wrong = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
        Assert.Equal(4, wrong.GetProperty("attemptsRemaining").GetInt32());
    }

    [Fact]
    public async Task FailedAttempts_FiveReportedOffline_LockThePinOnline()
    {
        var (client, pinId) = await PairWithPinAsync("4821");
        var now = app.Clock.GetUtcNow();

        var response = await client.PostAsJsonAsync(
            $"/api/terminal/v1/staff/{pinId}/failed-attempts", new { count = 5, lastAttemptAt = now.AddMinutes(-3) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("locked").GetBoolean());
        Assert.Equal(now + LockDuration, body.GetProperty("lockedUntil").GetDateTimeOffset());
        var verify = await client.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" });
        var locked = await ProblemAssert.AssertAsync(verify, HttpStatusCode.Locked, "pin-locked");
        Assert.Equal(now + LockDuration, locked.GetProperty("lockedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task FailedAttempts_OfflineAndOnlineFailures_CountTowardTheSameLock()
    {
        var (client, pinId) = await PairWithPinAsync("4821");

        var reported = await client.PostAsJsonAsync(
            $"/api/terminal/v1/staff/{pinId}/failed-attempts", new { count = 3, lastAttemptAt = app.Clock.GetUtcNow() });

        Assert.Equal("""{"locked":false,"lockedUntil":null}""", await reported.Content.ReadAsStringAsync());
        var path = $"/api/terminal/v1/staff/{pinId}/verify";
        var fourth = await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Unauthorized, "pin-invalid");
        Assert.Equal(1, fourth.GetProperty("attemptsRemaining").GetInt32());
        await ProblemAssert.AssertAsync(await client.PostAsJsonAsync(path, new { pin = "0000" }), HttpStatusCode.Locked, "pin-locked");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task FailedAttempts_CountOutOfRange_IsValidationProblem(int count)
    {
        var (client, pinId) = await PairWithPinAsync("4821");

        var response = await client.PostAsJsonAsync(
            $"/api/terminal/v1/staff/{pinId}/failed-attempts", new { count, lastAttemptAt = app.Clock.GetUtcNow() });

        var problem = await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["Must be between 1 and 100."], problem.GetProperty("errors").GetProperty("count").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task VerifyAndFailedAttempts_PinOfAnotherStore_AreForbidden()
    {
        var (client, _) = await PairWithPinAsync("4821");
        var other = await app.CreateStoreAsync();
        var foreignPin = await app.CreatePinAsync(other.StoreId, "4821");

        var verify = await client.PostAsJsonAsync($"/api/terminal/v1/staff/{foreignPin}/verify", new { pin = "4821" });
        var report = await client.PostAsJsonAsync(
            $"/api/terminal/v1/staff/{foreignPin}/failed-attempts", new { count = 5, lastAttemptAt = app.Clock.GetUtcNow() });

        await ProblemAssert.AssertAsync(verify, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertAsync(report, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("8b0e7b8e-3f5a-4d43-9a57-2f1f0b7c9d11")]
    [InlineData("not-a-pin-id")]
    public async Task Verify_UnknownPin_IsPinNotFound(string pinId)
    {
        var (client, _) = await PairWithPinAsync("4821");

        var response = await client.PostAsJsonAsync($"/api/terminal/v1/staff/{pinId}/verify", new { pin = "4821" });

        await ProblemAssert.AssertAsync(response, HttpStatusCode.NotFound, "pin-not-found");
    }

    private async Task<(HttpClient Client, Guid PinId)> PairWithPinAsync(string pin)
    {
        var store = await app.CreateStoreAsync();
        var pinId = await app.CreatePinAsync(store.StoreId, pin);
        var device = await app.PairAsync(store.StoreId);
        return (app.Device(device.Token), pinId);
    }
}
