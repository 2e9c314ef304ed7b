using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Testing;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.Tests.AppleWallet;
using Microsoft.Extensions.DependencyInjection;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.OpenApi;

/// <summary>
/// Drives every endpoint into each of its answers over real HTTP and compares with the OpenAPI document: every answer
/// must be declared for its operation, and every declared answer must have been seen (but those listed in
/// <see cref="NotDrivenHere"/>, with the reason). A new endpoint without cases here fails the test.
/// </summary>
public sealed class OpenApiAnswersTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string A = "/api/admin/v1";
    private const string T = "/api/terminal/v1";
    private const string W = AppleWalletEndpoints.BasePath;
    private static readonly string[] DeviceLog = ["Web service error: answers"];

    /// <summary>Declared answers this test cannot cause, and where they are tested instead.</summary>
    private static readonly Dictionary<(string Operation, int Status), string> NotDrivenHere = new()
    {
        [($"POST {T}/cards/{{cardNumber}}/points", 422)] = "card-inactive: no API deactivates a card yet (grain tests cover the rule)",
    };

    [Fact]
    public async Task EveryAnswer_DrivenThroughTheApi_IsDeclaredForItsOperation()
    {
        using var documentClient = app.App.CreateClient(bearerToken: null);
        var documented = ApiOperations.Documented(JsonDocument.Parse(await documentClient.GetStringAsync("/openapi/v1.json")).RootElement.Clone());
        var recorder = new AnswerRecorder(token => token is not null && token.StartsWith(PassKitAuthentication.Scheme + " ", StringComparison.Ordinal)
            ? ApplePassClient(token)
            : app.App.CreateClient(token));

        await DriveUnauthenticatedAsync(recorder, documented);
        var world = await World.CreateAsync(app);
        await DriveAdminAsync(recorder, world);
        await DriveAdminCardsAsync(recorder, world);
        await DriveTerminalAsync(recorder, world);
        await DriveTerminalCardsAsync(recorder, world);
        await DriveEmailAsync(recorder, world);
        await DriveAppleWalletAsync(recorder, world);

        Assert.True(recorder.Surprises.Count == 0, string.Join(Environment.NewLine, recorder.Surprises));
        var undeclared = recorder.Driven.Where(d => !documented.TryGetValue(d.Operation, out var operation) || !ApiOperations.Statuses(operation).Contains(d.Status));
        Assert.Empty(undeclared.Select(d => $"{d.Operation} answered {d.Status}, which its OpenAPI operation does not declare"));

        // 503 (the cluster or database unavailable) is declared everywhere and tested with ProblemExceptionHandlerTests;
        // 429 wherever a rate limit applies, tested with RateLimitTests.
        var notDriven = documented
            .SelectMany(o => ApiOperations.Statuses(o.Value).Select(status => (Operation: o.Key, Status: status)))
            .Where(d => d.Status is not (503 or 429) && !recorder.Driven.Contains(d) && !NotDrivenHere.ContainsKey(d));
        Assert.Empty(notDriven.Select(d => $"{d.Operation} declares {d.Status}, which no case here drives"));
    }

    // Every operation with a bearer scheme refuses a request without a token, before it reads anything.
    private static async Task DriveUnauthenticatedAsync(AnswerRecorder recorder, Dictionary<string, JsonElement> documented)
    {
        foreach (var (key, operation) in documented.Where(o => o.Value.TryGetProperty("security", out _)))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var template = key[(method.Length + 1)..];
            var values = template.Split('{').Skip(1).Select(p => p.StartsWith("messageId", StringComparison.Ordinal) ? 1L : (object)Guid.NewGuid()).ToArray();
            await recorder.SendAsync(401, method, template, token: null, operation.TryGetProperty("requestBody", out _) ? "{}" : null, values);
        }
    }

    private static async Task DriveAdminAsync(AnswerRecorder r, World w)
    {
        var (admin, other) = (WebApp.BootstrapToken, w.OtherOwnerToken);
        var (merchant, store, unknown) = (w.Card.Store.MerchantId, w.Card.Store.StoreId, Guid.NewGuid());

        await r.SendAsync(200, "GET", $"{A}/cluster", admin);
        await r.SendAsync(403, "GET", $"{A}/cluster", other);

        var slug = AdminApi.UniqueSlug("answers");
        await r.SendAsync(201, "POST", $"{A}/merchants", admin, new { name = "Answers", slug });
        await r.SendAsync(400, "POST", $"{A}/merchants", admin, new { name = "", slug = "Not A Slug" });
        await r.SendAsync(403, "POST", $"{A}/merchants", other, new { name = "Mine", slug = AdminApi.UniqueSlug("mine") });
        await r.SendAsync(409, "POST", $"{A}/merchants", admin, new { name = "Again", slug });
        await r.SendAsync(200, "GET", $"{A}/merchants", admin);
        await r.SendAsync(400, "GET", $"{A}/merchants?page=0", admin);
        await r.SendAsync(200, "GET", $"{A}/merchants/{{merchantId}}", admin, null, merchant);
        await r.SendAsync(403, "GET", $"{A}/merchants/{{merchantId}}", other, null, merchant);
        await r.SendAsync(404, "GET", $"{A}/merchants/{{merchantId}}", admin, null, unknown);

        // Everything under one merchant: its owner of another merchant is refused, an unknown merchant is not found.
        var storeSlug = AdminApi.UniqueSlug("s");
        var stores = $"{A}/merchants/{{merchantId}}/stores";
        var createdStore = (await r.SendAsync(201, "POST", stores, admin, new { name = "Gare", slug = storeSlug }, merchant)).GetProperty("id").GetGuid();
        await r.SendAsync(400, "POST", stores, admin, new { name = "", slug = "x" }, merchant);
        await r.SendAsync(403, "POST", stores, other, new { name = "Gare", slug = AdminApi.UniqueSlug("s") }, merchant);
        await r.SendAsync(404, "POST", stores, admin, new { name = "Gare", slug = AdminApi.UniqueSlug("s") }, unknown);
        await r.SendAsync(409, "POST", stores, admin, new { name = "Gare 2", slug = storeSlug }, merchant);
        await DriveReadAsync(r, "GET", stores, w, merchant);
        await r.SendAsync(200, "GET", $"{stores}/{{storeId}}", admin, null, merchant, store);
        await r.SendAsync(403, "GET", $"{stores}/{{storeId}}", other, null, merchant, store);
        await r.SendAsync(404, "GET", $"{stores}/{{storeId}}", admin, null, merchant, unknown);
        object storeChange = new { name = "Gare centrale", timeZone = "Europe/Paris", descriptions = new { en = "By the station", lb = "Bei der Gare" } };
        await r.SendAsync(200, "PUT", $"{stores}/{{storeId}}", admin, storeChange, merchant, createdStore);
        await r.SendAsync(400, "PUT", $"{stores}/{{storeId}}", admin, new { name = "", timeZone = "Mars/Olympus" }, merchant, createdStore);
        await r.SendAsync(403, "PUT", $"{stores}/{{storeId}}", other, storeChange, merchant, createdStore);
        await r.SendAsync(404, "PUT", $"{stores}/{{storeId}}", admin, storeChange, merchant, unknown);

        var programs = $"{A}/merchants/{{merchantId}}/programs";
        object program = new { name = "More coffee", kind = "stamps", stampsRequired = 8, stampRewardName = "Coffee" };
        var createdProgram = (await r.SendAsync(201, "POST", programs, admin, program, merchant)).GetProperty("id").GetGuid();
        await r.SendAsync(400, "POST", programs, admin, new { name = "x", kind = "raffle" }, merchant);
        await r.SendAsync(403, "POST", programs, other, program, merchant);
        await r.SendAsync(404, "POST", programs, admin, program, unknown);
        await DriveReadAsync(r, "GET", programs, w, merchant);
        await r.SendAsync(200, "GET", $"{programs}/{{programId}}", admin, null, merchant, w.Card.ProgramId);
        await r.SendAsync(403, "GET", $"{programs}/{{programId}}", other, null, merchant, w.Card.ProgramId);
        await r.SendAsync(404, "GET", $"{programs}/{{programId}}", admin, null, merchant, unknown);
        object programChange = new { name = "Even more coffee", kind = "stamps", stampsRequired = 9, stampRewardName = "Coffee" };
        await r.SendAsync(200, "PUT", $"{programs}/{{programId}}", admin, programChange, merchant, createdProgram);
        await r.SendAsync(400, "PUT", $"{programs}/{{programId}}", admin, new { name = "Now points", kind = "points", pointsPerCurrencyUnit = 1 }, merchant, createdProgram);
        await r.SendAsync(403, "PUT", $"{programs}/{{programId}}", other, programChange, merchant, createdProgram);
        await r.SendAsync(404, "PUT", $"{programs}/{{programId}}", admin, programChange, merchant, unknown);

        await DriveReadAsync(r, "GET", $"{A}/merchants/{{merchantId}}/audit-log", w, merchant);
        await r.SendAsync(400, "GET", $"{A}/merchants/{{merchantId}}/audit-log?pageSize=0", admin, null, merchant);
        var lockout = $"{A}/merchants/{{merchantId}}/pin-lockout";
        await DriveReadAsync(r, "GET", lockout, w, merchant);
        await r.SendAsync(200, "PUT", lockout, admin, new { maxConsecutiveFailures = 5, lockMinutes = 15 }, merchant);
        await r.SendAsync(400, "PUT", lockout, admin, new { maxConsecutiveFailures = 0, lockMinutes = 15 }, merchant);
        await r.SendAsync(403, "PUT", lockout, other, new { maxConsecutiveFailures = 5, lockMinutes = 15 }, merchant);
        await r.SendAsync(404, "PUT", lockout, admin, new { maxConsecutiveFailures = 5, lockMinutes = 15 }, unknown);

        var tokens = $"{A}/merchants/{{merchantId}}/owner-tokens";
        var issued = await r.SendAsync(201, "POST", tokens, admin, new { name = "Answers" }, merchant);
        await r.SendAsync(400, "POST", tokens, admin, new { name = "" }, merchant);
        await r.SendAsync(403, "POST", tokens, other, new { name = "Mine" }, merchant);
        await r.SendAsync(404, "POST", tokens, admin, new { name = "Nobody's" }, unknown);
        await DriveReadAsync(r, "GET", tokens, w, merchant);
        var tokenId = issued.GetProperty("id").GetGuid();
        await r.SendAsync(403, "POST", $"{tokens}/{{tokenId}}/revoke", other, null, merchant, tokenId);
        await r.SendAsync(204, "POST", $"{tokens}/{{tokenId}}/revoke", admin, null, merchant, tokenId);
        await r.SendAsync(404, "POST", $"{tokens}/{{tokenId}}/revoke", admin, null, merchant, unknown);

        // Store-scoped routes.
        var ana = await r.SendAsync(201, "POST", $"{A}/stores/{{storeId}}/staff", admin, new { name = "Ana", pin = "4321" }, store);
        var change = $"{A}/stores/{{storeId}}/staff/{{pinId}}/pin";
        var anaId = ana.GetProperty("pinId").GetGuid();
        await r.SendAsync(200, "POST", change, admin, new { pin = "246810" }, store, anaId);
        await r.SendAsync(400, "POST", change, admin, new { pin = "12" }, store, anaId);
        await r.SendAsync(403, "POST", change, other, new { pin = "246810" }, store, anaId);
        await r.SendAsync(404, "POST", change, admin, new { pin = "246810" }, store, unknown);
        var unlock = $"{A}/stores/{{storeId}}/staff/{{pinId}}/unlock";
        await r.SendAsync(200, "POST", unlock, admin, null, store, anaId);
        await r.SendAsync(403, "POST", unlock, other, null, store, anaId);
        await r.SendAsync(404, "POST", unlock, admin, null, store, unknown);
        await r.SendAsync(400, "POST", $"{A}/stores/{{storeId}}/staff", admin, new { name = "Ana", pin = "12" }, store);
        await r.SendAsync(403, "POST", $"{A}/stores/{{storeId}}/staff", other, new { name = "Ana", pin = "4321" }, store);
        await r.SendAsync(404, "POST", $"{A}/stores/{{storeId}}/staff", admin, new { name = "Ana", pin = "4321" }, unknown);
        await r.SendAsync(201, "POST", $"{A}/stores/{{storeId}}/pairing-codes", admin, new { }, store);
        await r.SendAsync(400, "POST", $"{A}/stores/{{storeId}}/pairing-codes", admin, """{ "validMinutes": 60 }""", store);
        await r.SendAsync(403, "POST", $"{A}/stores/{{storeId}}/pairing-codes", other, new { }, store);
        await r.SendAsync(404, "POST", $"{A}/stores/{{storeId}}/pairing-codes", admin, new { }, unknown);
        await r.SendAsync(200, "GET", $"{A}/stores/{{storeId}}/devices", admin, null, store);
        await r.SendAsync(403, "GET", $"{A}/stores/{{storeId}}/devices", other, null, store);
        await r.SendAsync(404, "GET", $"{A}/stores/{{storeId}}/devices", admin, null, unknown);
        var spare = await w.App.PairAsync(store, "Spare");
        await r.SendAsync(403, "POST", $"{A}/devices/{{deviceId}}/revoke", other, null, spare.DeviceId);
        await r.SendAsync(204, "POST", $"{A}/devices/{{deviceId}}/revoke", admin, null, spare.DeviceId);
        await r.SendAsync(404, "POST", $"{A}/devices/{{deviceId}}/revoke", admin, null, unknown);
    }

    private static async Task DriveAdminCardsAsync(AnswerRecorder r, World w)
    {
        var (admin, other, number) = (WebApp.BootstrapToken, w.OtherOwnerToken, w.Card.CardNumber);
        foreach (var read in new[] { $"{A}/cards/{{cardNumber}}", $"{A}/cards/{{cardNumber}}/transactions", $"{A}/cards/{{cardNumber}}/ledger-verification" })
        {
            await r.SendAsync(200, "GET", read, admin, null, number);
            await r.SendAsync(400, "GET", read, admin, null, "123");
            await r.SendAsync(403, "GET", read, other, null, number);
            await r.SendAsync(404, "GET", read, admin, null, World.UnknownCardNumber());
        }

        await r.SendAsync(400, "GET", $"{A}/cards/{{cardNumber}}/transactions?pageSize=1000", admin, null, number);

        var adjustments = $"{A}/cards/{{cardNumber}}/adjustments";
        var adjusted = await r.SendAsync(200, "POST", adjustments, admin, new { stampsDelta = 2, reason = "Goodwill", idempotencyKey = "adjust-answers" }, number);
        await r.SendAsync(400, "POST", adjustments, admin, new { stampsDelta = 2, reason = "", idempotencyKey = "adjust-2" }, number);
        await r.SendAsync(403, "POST", adjustments, other, new { stampsDelta = 2, reason = "Mine", idempotencyKey = "adjust-3" }, number);
        await r.SendAsync(404, "POST", adjustments, admin, new { stampsDelta = 2, reason = "Nobody", idempotencyKey = "adjust-4" }, World.UnknownCardNumber());
        await r.SendAsync(409, "POST", adjustments, admin, new { stampsDelta = 3, reason = "Goodwill", idempotencyKey = "adjust-answers" }, number);
        await r.SendAsync(422, "POST", adjustments, admin, new { stampsDelta = -100, reason = "Too many", idempotencyKey = "adjust-5" }, number);

        var voids = $"{A}/cards/{{cardNumber}}/voids";
        var transactionId = adjusted.GetProperty("transactionId").GetGuid();
        await r.SendAsync(200, "POST", voids, admin, new { transactionId, reason = "Mistake", idempotencyKey = "void-answers" }, number);
        await r.SendAsync(400, "POST", voids, admin, new { reason = "Mistake", idempotencyKey = "void-2" }, number);
        await r.SendAsync(403, "POST", voids, other, new { transactionId, reason = "Mine", idempotencyKey = "void-3" }, number);
        await r.SendAsync(404, "POST", voids, admin, new { transactionId = Guid.NewGuid(), reason = "Unknown", idempotencyKey = "void-4" }, number);
        await r.SendAsync(409, "POST", voids, admin, new { transactionId, reason = "Other reason", idempotencyKey = "void-answers" }, number);
        await r.SendAsync(422, "POST", voids, admin, new { transactionId, reason = "Again", idempotencyKey = "void-5" }, number);

        // Blocked, then unblocked again: the terminal cases after these use the card.
        var (block, unblock) = ($"{A}/cards/{{cardNumber}}/block", $"{A}/cards/{{cardNumber}}/unblock");
        await r.SendAsync(200, "POST", block, admin, new { reason = "Lost", idempotencyKey = "block-answers" }, number);
        await r.SendAsync(400, "POST", block, admin, new { reason = "", idempotencyKey = "block-2" }, number);
        await r.SendAsync(403, "POST", block, other, new { reason = "Mine", idempotencyKey = "block-3" }, number);
        await r.SendAsync(404, "POST", block, admin, new { reason = "Nobody", idempotencyKey = "block-4" }, World.UnknownCardNumber());
        await r.SendAsync(409, "POST", block, admin, new { reason = "Stolen", idempotencyKey = "block-answers" }, number);
        await r.SendAsync(422, "POST", block, admin, new { reason = "Lost again", idempotencyKey = "block-5" }, number);
        await r.SendAsync(200, "POST", unblock, admin, new { reason = "Found", idempotencyKey = "unblock-answers" }, number);
        await r.SendAsync(400, "POST", unblock, admin, new { reason = "Found", idempotencyKey = "" }, number);
        await r.SendAsync(403, "POST", unblock, other, new { reason = "Mine", idempotencyKey = "unblock-3" }, number);
        await r.SendAsync(404, "POST", unblock, admin, new { reason = "Nobody", idempotencyKey = "unblock-4" }, World.UnknownCardNumber());
        await r.SendAsync(409, "POST", unblock, admin, new { reason = "Other", idempotencyKey = "unblock-answers" }, number);
        await r.SendAsync(422, "POST", unblock, admin, new { reason = "Not blocked", idempotencyKey = "unblock-5" }, number);
    }

    private static async Task DriveTerminalAsync(AnswerRecorder r, World w)
    {
        var (device, other) = (w.Card.Device.Token, w.OtherDevice.Token);
        await r.SendAsync(201, "POST", $"{T}/pair", null, new { code = await w.App.IssueCodeAsync(w.Card.Store.StoreId), deviceName = "Till 9" });
        await r.SendAsync(400, "POST", $"{T}/pair", null, new { code = "", deviceName = "" });
        await r.SendAsync(410, "POST", $"{T}/pair", null, new { code = "ZZZZZZZZ", deviceName = "Till 9" });
        await r.SendAsync(200, "GET", $"{T}/staff", device);

        var verify = $"{T}/staff/{{pinId}}/verify";
        await r.SendAsync(200, "POST", verify, device, new { pin = "2468" }, w.Card.PinId);
        await r.SendAsync(400, "POST", verify, device, "{}", w.Card.PinId);
        await r.SendAsync(401, "POST", verify, device, new { pin = "0000" }, w.SparePinId);
        await r.SendAsync(403, "POST", verify, other, new { pin = "2468" }, w.Card.PinId);
        await r.SendAsync(404, "POST", verify, device, new { pin = "2468" }, Guid.NewGuid());
        await r.SendAsync(423, "POST", verify, device, new { pin = "1111" }, w.LockedPinId);

        var failures = $"{T}/staff/{{pinId}}/failed-attempts";
        await r.SendAsync(200, "POST", failures, device, new { count = 1, lastAttemptAt = w.App.Clock.GetUtcNow() }, w.SparePinId);
        await r.SendAsync(400, "POST", failures, device, new { count = 0, lastAttemptAt = w.App.Clock.GetUtcNow() }, w.SparePinId);
        await r.SendAsync(403, "POST", failures, other, new { count = 1, lastAttemptAt = w.App.Clock.GetUtcNow() }, w.Card.PinId);
        await r.SendAsync(404, "POST", failures, device, new { count = 1, lastAttemptAt = w.App.Clock.GetUtcNow() }, Guid.NewGuid());

        await r.SendAsync(200, "POST", $"{T}/sync", device, new { operations = Array.Empty<object>() });
        await r.SendAsync(400, "POST", $"{T}/sync", device, "{}");
    }

    private static async Task DriveTerminalCardsAsync(AnswerRecorder r, World w)
    {
        var (device, other, pin) = (w.Card.Device.Token, w.OtherDevice.Token, w.Card.PinId);
        object Enrol(string email, string key, Guid? programId = null, Guid? pinId = null, string name = "Mia Hoffmann") =>
            new { programId = programId ?? w.Card.ProgramId, email, name, pinId = pinId ?? pin, idempotencyKey = key };
        var enrollments = $"{T}/enrollments";
        await r.SendAsync(201, "POST", enrollments, device, Enrol("mia@example.com", "enrol-answers-1"));
        await r.SendAsync(200, "POST", enrollments, device, Enrol("MIA@example.com", "enrol-answers-2"));
        await r.SendAsync(400, "POST", enrollments, device, Enrol("not an e-mail", "enrol-answers-3"));
        await r.SendAsync(403, "POST", enrollments, other, Enrol("mia@example.com", "enrol-answers-4", pinId: w.OtherPinId));
        await r.SendAsync(404, "POST", enrollments, device, Enrol("mia@example.com", "enrol-answers-5", programId: Guid.NewGuid()));
        await r.SendAsync(409, "POST", enrollments, device, Enrol("mia@example.com", "enrol-answers-1", name: "Mia Schmit"));
        await r.SendAsync(423, "POST", enrollments, device, Enrol("mia@example.com", "enrol-answers-6", pinId: w.LockedPinId));

        var card = $"{T}/cards/{{cardNumber}}";
        await r.SendAsync(200, "GET", card, device, null, w.Card.CardNumber);
        await r.SendAsync(400, "GET", card, device, null, "123");
        await r.SendAsync(403, "GET", card, other, null, w.Card.CardNumber);
        await r.SendAsync(404, "GET", card, device, null, World.UnknownCardNumber());

        // Each card operation: its success, then a malformed body, another merchant's device, no such card, a reused key,
        // a rule's refusal (the hybrid card has a one-hour stamp cooldown) and a locked PIN.
        await DriveCardOperationAsync(r, w, "stamps", k => new { count = 1, pinId = pin, idempotencyKey = k }, k => new { count = 2, pinId = pin, idempotencyKey = k },
            p => new { count = 0, pinId = p, idempotencyKey = "x" }, (p, k) => new { count = 1, pinId = p, idempotencyKey = k }, refusedByRule: 422);
        await DriveCardOperationAsync(r, w, "stamp-redemptions", k => new { pinId = pin, idempotencyKey = k }, k => new { pinId = w.SparePinId, idempotencyKey = k },
            p => new { pinId = p, idempotencyKey = "" }, (p, k) => new { pinId = p, idempotencyKey = k }, refusedByRule: 422);
        await DriveCardOperationAsync(r, w, "points", k => new { purchaseAmountMinor = 2000, currency = "EUR", pinId = pin, idempotencyKey = k },
            k => new { purchaseAmountMinor = 3000, currency = "EUR", pinId = pin, idempotencyKey = k },
            p => new { purchaseAmountMinor = -1, currency = "EUR", pinId = p, idempotencyKey = "x" },
            (p, k) => new { purchaseAmountMinor = 100, currency = "EUR", pinId = p, idempotencyKey = k }, refusedByRule: null);
        await DriveCardOperationAsync(r, w, "point-redemptions", k => new { rewardId = w.SmallRewardId, pinId = pin, idempotencyKey = k },
            k => new { rewardId = w.BigRewardId, pinId = pin, idempotencyKey = k },
            p => new { rewardId = (string?)null, pinId = p, idempotencyKey = "x" }, (p, k) => new { rewardId = w.BigRewardId, pinId = p, idempotencyKey = k }, refusedByRule: 422);
    }

    private static async Task DriveCardOperationAsync(
        AnswerRecorder r, World w, string operation, Func<string, object> body, Func<string, object> otherBody, Func<Guid, object> malformed,
        Func<Guid, string, object> withPin, int? refusedByRule)
    {
        var (device, other, number) = (w.Card.Device.Token, w.OtherDevice.Token, w.Hybrid);
        var path = $"{T}/cards/{{cardNumber}}/{operation}";
        var key = $"{operation}-answers";
        await r.SendAsync(200, "POST", path, device, body(key), number);
        await r.SendAsync(400, "POST", path, device, malformed(w.Card.PinId), number);
        await r.SendAsync(403, "POST", path, other, withPin(w.OtherPinId, $"{key}-other"), number);
        await r.SendAsync(404, "POST", path, device, body($"{key}-unknown"), World.UnknownCardNumber());
        await r.SendAsync(409, "POST", path, device, otherBody(key), number);
        if (refusedByRule is { } status)
            await r.SendAsync(status, "POST", path, device, withPin(w.Card.PinId, $"{key}-refused"), number);
        await r.SendAsync(423, "POST", path, device, withPin(w.LockedPinId, $"{key}-locked"), number);
    }

    /// <summary>
    /// Merchant A (the card's, with a hybrid card that has a reward ready, 20 points, a cooldown running), a locked and a
    /// spare PIN, and merchant B with its own device, PIN and owner token.
    /// </summary>
    private sealed record World(
        TerminalApp App, TestCard Card, string Hybrid, string SmallRewardId, string BigRewardId, Guid LockedPinId, Guid SparePinId,
        TestDevice OtherDevice, Guid OtherPinId, string OtherOwnerToken)
    {
        public static async Task<World> CreateAsync(TerminalApp app)
        {
            var card = await app.CreateCardAsync();
            var hybrid = await app.CreateProgramAsync(card.Store.MerchantId, new
            {
                name = "Hybrid",
                kind = "hybrid",
                stampsRequired = 2,
                stampRewardName = "Gift",
                pointsPerCurrencyUnit = 1,
                currency = "EUR",
                rewards = new[] { new { name = "Pin", pointsCost = 10 }, new { name = "Tote", pointsCost = 100000 } },
                stampCooldownSeconds = 3600,
            });
            var rewards = hybrid.GetProperty("rewards").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();
            using var device = app.Device(card.Device.Token);
            var enrolled = await device.PostAsJsonAsync($"{T}/enrollments", new
            {
                programId = hybrid.GetProperty("id").GetGuid(), email = "hybrid@example.com", name = "Noah Schmit", pinId = card.PinId, idempotencyKey = "hybrid-enrol",
            });
            var number = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!;
            using var admin = app.Admin();
            Assert.True((await admin.PostAsJsonAsync($"{A}/cards/{number}/adjustments", new { stampsDelta = 2, reason = "Setup", idempotencyKey = "hybrid-setup" })).IsSuccessStatusCode);

            var locked = await app.CreatePinAsync(card.Store.StoreId, "1111", "Locked");
            Assert.True((await device.PostAsJsonAsync($"{T}/staff/{locked}/failed-attempts", new { count = 5, lastAttemptAt = app.Clock.GetUtcNow() })).IsSuccessStatusCode);
            var spare = await app.CreatePinAsync(card.Store.StoreId, "3579", "Spare");

            var otherStore = await app.CreateStoreAsync();
            return new World(
                app, card, number, rewards[0], rewards[1], locked, spare,
                await app.PairAsync(otherStore.StoreId), await app.CreatePinAsync(otherStore.StoreId, "8642"), await app.CreateMerchantOwnerTokenAsync(otherStore.MerchantId));
        }

        /// <summary>A well-formed card number (Luhn check digit) that no card has.</summary>
        public static string UnknownCardNumber()
        {
            var digits = string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + Random.Shared.Next(10))));
            var sum = digits.Reverse().Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d);
            return digits + (char)('0' + ((10 - (sum % 10)) % 10));
        }
    }

    // A merchant-scoped read: its answer, another merchant's owner, an unknown merchant.
    private async Task DriveEmailAsync(AnswerRecorder r, World w)
    {
        var (admin, other, merchant) = (WebApp.BootstrapToken, w.OtherOwnerToken, w.Card.Store.MerchantId);
        await r.SendAsync(200, "GET", $"{A}/email/log", admin);
        await r.SendAsync(400, "GET", $"{A}/email/log?status=lost", admin);
        await r.SendAsync(403, "GET", $"{A}/email/log", other);
        await DriveReadAsync(r, "GET", $"{A}/merchants/{{merchantId}}/email/log", w, merchant);
        await r.SendAsync(400, "GET", $"{A}/merchants/{{merchantId}}/email/log?status=lost", admin, null, merchant);

        // The card's enrolment e-mail: resent, then leased to a dispatcher (being sent), then refused.
        var resend = $"{A}/merchants/{{merchantId}}/email/messages/{{messageId}}/resend";
        var messageId = await TestDatabase.ScalarAsync<long>(app.App.ConnectionString,
            "SELECT id FROM outbox WHERE card_number = $1 AND topic = 'enrollment'", w.Card.CardNumber);
        await r.SendAsync(202, "POST", resend, admin, null, merchant, messageId);
        await r.SendAsync(403, "POST", resend, other, null, merchant, messageId);
        await r.SendAsync(404, "POST", resend, admin, null, merchant, messageId + 1_000_000);
        await TestDatabase.ScalarAsync<int>(app.App.ConnectionString,
            "WITH leased AS (UPDATE outbox SET processed_at = NULL, leased_by = 'answers', leased_until = now() + interval '1 hour' WHERE id = $1 RETURNING 1) SELECT count(*)::int FROM leased", messageId);
        await r.SendAsync(409, "POST", resend, admin, null, merchant, messageId);

        var settings = $"{A}/email/settings";
        object smtp = new { host = "127.0.0.1", port = 2525, security = "None", from = "Loyalty <noreply@example.com>" };
        await r.SendAsync(200, "GET", settings, admin);
        await r.SendAsync(403, "GET", settings, other);
        await r.SendAsync(200, "PUT", settings, admin, smtp);
        await r.SendAsync(400, "PUT", settings, admin, new { host = "", port = 0, security = "Carrier pigeon" });
        await r.SendAsync(403, "PUT", settings, other, smtp);
        await r.SendAsync(200, "DELETE", settings, admin);
        await r.SendAsync(403, "DELETE", settings, other);
        await r.SendAsync(200, "POST", $"{settings}/test", admin, new { to = "ops@example.com" });
        await r.SendAsync(400, "POST", $"{settings}/test", admin, new { to = "not an address" });
        await r.SendAsync(403, "POST", $"{settings}/test", other, new { to = "ops@example.com" });

        var templates = $"{A}/email/templates";
        var one = $"{templates}/{{template}}/{{locale}}";
        object draft = new { subject = "Bienvenue", html = "<p>Bienvenue</p>", text = "Bienvenue" };
        await r.SendAsync(200, "GET", templates, admin);
        await r.SendAsync(403, "GET", templates, other);
        await r.SendAsync(200, "GET", one, admin, null, "enrollment", "fr");
        await r.SendAsync(403, "GET", one, other, null, "enrollment", "fr");
        await r.SendAsync(404, "GET", one, admin, null, "raffle", "fr");
        await r.SendAsync(200, "PUT", one, admin, draft, "enrollment", "fr");
        await r.SendAsync(400, "PUT", one, admin, new { subject = "", html = "", text = "" }, "enrollment", "fr");
        await r.SendAsync(403, "PUT", one, other, draft, "enrollment", "fr");
        await r.SendAsync(404, "PUT", one, admin, draft, "raffle", "fr");
        await r.SendAsync(200, "POST", $"{one}/preview", admin, draft, "enrollment", "fr");
        await r.SendAsync(400, "POST", $"{one}/preview", admin, new { subject = "", html = "", text = "" }, "enrollment", "fr");
        await r.SendAsync(403, "POST", $"{one}/preview", other, draft, "enrollment", "fr");
        await r.SendAsync(404, "POST", $"{one}/preview", admin, draft, "raffle", "fr");
        await r.SendAsync(200, "DELETE", one, admin, null, "enrollment", "fr");
        await r.SendAsync(403, "DELETE", one, other, null, "enrollment", "fr");
        await r.SendAsync(404, "DELETE", one, admin, null, "raffle", "fr");
    }

    // The PassKit web service: the card's pass opened with its token (ApplePass scheme), another pass's token, unknown
    // serials and pass types, malformed paths and bodies, and an unchanged pass.
    private async Task DriveAppleWalletAsync(AnswerRecorder r, World w)
    {
        var tokens = app.App.Services.GetRequiredService<ApplePassTokens>();
        var (number, unknown, type) = (w.Card.CardNumber, World.UnknownCardNumber(), TestPassCertificates.PassTypeIdentifier);
        var pass = $"ApplePass {await tokens.TokenAsync(number, CancellationToken.None)}";
        var unknownPass = $"ApplePass {await tokens.TokenAsync(unknown, CancellationToken.None)}";
        var otherPass = $"ApplePass {await tokens.TokenAsync(w.Hybrid, CancellationToken.None)}";
        object push = new { pushToken = "a1b2c3d4" };

        var registration = $"{W}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}/{{serialNumber}}";
        await r.SendAsync(201, "POST", registration, pass, push, "answers-device", type, number);
        await r.SendAsync(200, "POST", registration, pass, push, "answers-device", type, number);
        await r.SendAsync(400, "POST", registration, pass, new { pushToken = "not a token" }, "answers-device", type, number);
        await r.SendAsync(401, "POST", registration, otherPass, push, "answers-device", type, number);
        await r.SendAsync(404, "POST", registration, unknownPass, push, "answers-device", type, unknown);

        var changed = $"{W}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}";
        var listed = await r.SendAsync(200, "GET", changed, null, null, "answers-device", type);
        await r.SendAsync(204, "GET", changed, null, null, "answers-nobody", type);
        await r.SendAsync(400, "GET", $"{changed}?passesUpdatedSince=yesterday", null, null, "answers-device", type);
        await r.SendAsync(404, "GET", changed, null, null, "answers-device", "pass.com.example.other");
        Assert.Equal([number], listed.GetProperty("serialNumbers").EnumerateArray().Select(s => s.GetString()));

        var latest = $"{W}/passes/{{passTypeIdentifier}}/{{serialNumber}}";
        await r.SendAsync(200, "GET", latest, pass, null, type, number);
        var modifiedAt = await TestDatabase.ScalarAsync<DateTime>(app.App.ConnectionString, "SELECT modified_at FROM cards WHERE card_number = $1", number);
        var since = new Dictionary<string, string> { ["If-Modified-Since"] = new DateTimeOffset(DateTime.SpecifyKind(modifiedAt, DateTimeKind.Utc)).ToString("R") };
        await r.SendWithHeadersAsync(304, "GET", latest, pass, since, null, type, number);
        await r.SendAsync(400, "GET", latest, pass, null, type, "123");
        await r.SendAsync(401, "GET", latest, otherPass, null, type, number);
        await r.SendAsync(404, "GET", latest, unknownPass, null, type, unknown);

        await r.SendAsync(200, "DELETE", registration, pass, null, "answers-device", type, number);
        await r.SendAsync(400, "DELETE", registration, pass, null, "answers device", type, number);
        await r.SendAsync(401, "DELETE", registration, otherPass, null, "answers-device", type, number);
        await r.SendAsync(404, "DELETE", registration, unknownPass, null, "answers-device", type, unknown);

        await r.SendAsync(200, "POST", $"{W}/log", null, new { logs = DeviceLog });
        await r.SendAsync(400, "POST", $"{W}/log", null, new { logs = Array.Empty<string>() });
    }

    private HttpClient ApplePassClient(string authorization)
    {
        var client = app.App.CreateClient(bearerToken: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    private static async Task DriveReadAsync(AnswerRecorder r, string method, string template, World w, Guid merchantId)
    {
        await r.SendAsync(200, method, template, WebApp.BootstrapToken, null, merchantId);
        await r.SendAsync(403, method, template, w.OtherOwnerToken, null, merchantId);
        await r.SendAsync(404, method, template, WebApp.BootstrapToken, null, Guid.NewGuid());
    }
}
