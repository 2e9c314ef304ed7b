using Loyalty.TerminalClient.Contracts;
using Loyalty.TerminalClient.Tests.Stubs;

namespace Loyalty.TerminalClient.Tests;

/// <summary>The client's requests against the contract (paths, methods, JSON names, device token) and its reading of answers and problems.</summary>
public sealed class TerminalClientTests : IDisposable
{
    private const string Card = "4000123412341234";
    private static readonly Guid PinId = Guid.Parse("0195a3f0-0000-7000-8000-000000000001");
    private readonly StubTerminalServer _server = new();
    private readonly HttpClient _http;
    private readonly TerminalClient _client;

    public TerminalClientTests()
    {
        _http = _server.CreateClient();
        _client = new TerminalClient(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task PairAsync_SendsCodeAndDeviceNameWithoutToken_ThenSendsTheNewToken()
    {
        var deviceId = Guid.NewGuid();
        _server.Answer = r => r.Path == "pair"
            ? new StubAnswer(201, new { deviceId, deviceToken = "tok-1", store = new { id = Guid.NewGuid(), name = "Kirchberg" }, merchant = new { id = Guid.NewGuid(), name = "Fashion Hub" }, programs = new[] { new { id = Guid.NewGuid(), name = "Coffee", kind = "stamps" } } })
            : new StubAnswer(200, new[] { new { pinId = PinId, name = "Alex", pinHash = "$2b$10$abc", locked = false, lockedUntil = (DateTimeOffset?)null } });

        var pairing = await _client.PairAsync("ABCD2345", "Till 1");
        var staff = await _client.GetStaffAsync();

        Assert.Equal((deviceId, "tok-1", "Kirchberg", "stamps"), (pairing.DeviceId, pairing.DeviceToken, pairing.Store.Name, Assert.Single(pairing.Programs).Kind));
        Assert.DoesNotContain("tok-1", pairing.ToString(), StringComparison.Ordinal);
        Assert.Equal("tok-1", _client.DeviceToken);
        Assert.Equal(PinId, Assert.Single(staff).PinId);
        var requests = _server.Requests;
        Assert.Equal(("pair", null, "ABCD2345", "Till 1"), (requests[0].Path, requests[0].BearerToken, requests[0].Body!.Value.GetProperty("code").GetString(), requests[0].Body!.Value.GetProperty("deviceName").GetString()));
        Assert.Equal(("staff", "tok-1"), (requests[1].Path, requests[1].BearerToken));
    }

    [Fact]
    public async Task CardOperations_WithGeneratedKeys_SendTheContractFieldsAndReturnTheKeys()
    {
        var client = new TerminalClient(_http, "tok");
        _server.Answer = r => r.Path switch
        {
            "enrollments" => new StubAnswer(201, CardBody()),
            $"cards/{Card}/points" => new StubAnswer(200, new { transactionId = Guid.NewGuid(), pointsEarned = 499, points = 549 }),
            $"cards/{Card}/point-redemptions" => new StubAnswer(200, new { transactionId = Guid.NewGuid(), points = 49 }),
            _ => new StubAnswer(200, new { transactionId = Guid.NewGuid(), stamps = 3, rewardsAvailable = 1 }),
        };

        var enrolled = await client.EnrollAsync(new NewCustomer(Guid.NewGuid(), "lena@example.com", "Lena", Birthday: new DateOnly(1988, 2, 29), Locale: "de"), PinId);
        var stamped = await client.AddStampsAsync(Card, 3, PinId);
        var redeemed = await client.RedeemStampRewardAsync(Card, PinId);
        var earned = await client.EarnPointsAsync(Card, 4999, "EUR", PinId);
        var spent = await client.RedeemPointsRewardAsync(Card, "mug", PinId);

        Assert.True(enrolled.Value.Created);
        Assert.Equal((3, 1), (stamped.Value.Stamps, stamped.Value.RewardsAvailable));
        Assert.Equal((499L, 549L, 49L), (earned.Value.PointsEarned, earned.Value.Points, spent.Value.Points));
        var keys = new[] { enrolled.IdempotencyKey, stamped.IdempotencyKey, redeemed.IdempotencyKey, earned.IdempotencyKey, spent.IdempotencyKey };
        Assert.Equal(keys, _server.Requests.Select(r => r.Body!.Value.GetProperty("idempotencyKey").GetString()));
        Assert.Equal(5, keys.Distinct().Count());
        Assert.Equal(["enrollments", $"cards/{Card}/stamps", $"cards/{Card}/stamp-redemptions", $"cards/{Card}/points", $"cards/{Card}/point-redemptions"], _server.Requests.Select(r => r.Path));
        Assert.Equal("1988-02-29", _server.Requests[0].Body!.Value.GetProperty("birthday").GetString());
        Assert.False(_server.Requests[1].Body!.Value.TryGetProperty("occurredAt", out _));
    }

    [Fact]
    public async Task EnrollAsync_ExistingCustomer_IsNotCreated()
    {
        _client.DeviceToken = "tok";
        _server.Answer = _ => new StubAnswer(200, CardBody());

        var result = await _client.EnrollAsync(new EnrollmentRequest(Guid.NewGuid(), "a@b.lu", "A", null, null, null, PinId, "k-1"));

        Assert.False(result.Created);
        Assert.Equal(Card, result.Card.CardNumber);
    }

    [Fact]
    public async Task PinCalls_WrongAndLocked_AreProblemsWithTheirExtras()
    {
        _client.DeviceToken = "tok";
        var until = new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero);
        _server.Answer = r => r.Path.EndsWith("/verify", StringComparison.Ordinal)
            ? StubAnswer.Problem(401, "pin-invalid", new { attemptsRemaining = 3 })
            : StubAnswer.Problem(423, "pin-locked", new { lockedUntil = until });

        var wrong = await Assert.ThrowsAsync<TerminalApiException>(() => _client.VerifyPinAsync(PinId, "0000"));
        var locked = await Assert.ThrowsAsync<TerminalApiException>(() => _client.ReportFailedAttemptsAsync(PinId, 2, until));

        Assert.Equal((401, "pin-invalid", 3, false), (wrong.Status, wrong.Code, wrong.Problem.AttemptsRemaining, wrong.IsRetryable));
        Assert.Equal((423, "pin-locked", until), (locked.Status, locked.Code, locked.Problem.LockedUntil));
        Assert.Equal("0000", _server.Requests[0].Body!.Value.GetProperty("pin").GetString());
        Assert.Equal(2, _server.Requests[1].Body!.Value.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CardOperation_Refusals_CarryCodeDetailRetryAtAndErrors()
    {
        _client.DeviceToken = "tok";
        var retryAt = new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero);
        _server.Answer = r => r.Body!.Value.GetProperty("count").GetInt32() == 1
            ? StubAnswer.Problem(422, "cooldown-active", new { retryAt })
            : StubAnswer.Problem(400, "validation", new { errors = new Dictionary<string, string[]> { ["count"] = ["count is 1 to 10."] } });

        var cooldown = await Assert.ThrowsAsync<TerminalApiException>(() => _client.AddStampsAsync(Card, new StampRequest(1, PinId, "a")));
        var invalid = await Assert.ThrowsAsync<TerminalApiException>(() => _client.AddStampsAsync(Card, new StampRequest(11, PinId, "b")));

        Assert.Equal((422, "cooldown-active", "detail of cooldown-active", retryAt, "a"), (cooldown.Status, cooldown.Code, cooldown.Detail, cooldown.Problem.RetryAt, cooldown.IdempotencyKey));
        Assert.Equal(["count is 1 to 10."], invalid.Problem.Errors["count"]);
        Assert.False(invalid.IsRetryable);
    }

    [Fact]
    public async Task CardOperation_UnavailableOrNoAnswer_IsRetryableWithTheGeneratedKey()
    {
        _client.DeviceToken = "tok";
        _server.Answer = _ => StubAnswer.Problem(503, "unavailable") with { RetryAfter = TimeSpan.FromSeconds(1) };
        var unavailable = await Assert.ThrowsAsync<TerminalApiException>(() => _client.AddStampsAsync(Card, 1, PinId));
        _server.Answer = _ => throw new HttpRequestException("no route to host");
        var unreachable = await Assert.ThrowsAsync<TerminalApiException>(() => _client.AddStampsAsync(Card, new StampRequest(1, PinId, "mine")));

        Assert.Equal((503, "unavailable", true, TimeSpan.FromSeconds(1)), (unavailable.Status, unavailable.Code, unavailable.IsRetryable, unavailable.Problem.RetryAfter));
        Assert.Equal(_server.Requests[0].Body!.Value.GetProperty("idempotencyKey").GetString(), unavailable.IdempotencyKey);
        Assert.Equal((null, TerminalProblemCodes.NoAnswer, true, "mine"), (unreachable.Status, unreachable.Code, unreachable.IsRetryable, unreachable.IdempotencyKey));
        Assert.IsType<HttpRequestException>(unreachable.InnerException);
    }

    [Fact]
    public async Task Client_BaseAddressWithAPath_KeepsThePath()
    {
        using var server = new StubTerminalServer("http://terminal.test/loyalty");
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://terminal.test/loyalty") };
        server.Answer = _ => new StubAnswer(200, CardBody());

        var card = await new TerminalClient(http, "tok").GetCardAsync(Card);

        Assert.Equal(Card, card.CardNumber);
        Assert.Equal($"cards/{Card}", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task SyncAsync_MoreThan500Operations_IsRefusedBeforeSending()
    {
        var operations = Enumerable.Range(1, 501).Select(i => SyncOperation.Stamp(Card, 1, PinId, $"k{i}") with { DeviceSeq = i }).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => _client.SyncAsync(operations));

        Assert.Empty(_server.Requests);
    }

    private static object CardBody() => new
    {
        cardNumber = Card, programId = Guid.NewGuid(), customerName = "Lena", stamps = 0, points = 50L, rewardsAvailable = 0, tier = "bronze", status = "active",
    };
}
