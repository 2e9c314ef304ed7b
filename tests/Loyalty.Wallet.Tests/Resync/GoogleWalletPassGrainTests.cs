using System.Net;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Testing;
using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Resync;
using Loyalty.Wallet.Tests.Fakes;
using Loyalty.Wallet.Tests.Fixtures;

namespace Loyalty.Wallet.Tests.Resync;

/// <summary>
/// A card's pass against the fake Google Wallet: saved (class and object inserted, skinny save link), kept in step by
/// card changes (silent, or notifying within the budget), retried with backoff, and repaired on 404 and 409.
/// </summary>
[Collection(WalletClusterCollection.Name)]
public sealed class GoogleWalletPassGrainTests(WalletCluster cluster)
{
    private FakeGoogleWallet Google => cluster.Google;

    [Fact]
    public async Task GetSaveLinkAsync_NewCard_InsertsClassAndObjectAndSignsASkinnyJwt()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync();
        var card = await cluster.Grains.EnrollAsync(merchantId, program);
        var objectId = WalletIds.Object(FakeGoogleWallet.IssuerId, card.CardNumber);
        var issuedAt = cluster.Time.GetUtcNow();

        var link = await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetSaveLinkAsync());

        Assert.NotNull(link);
        Assert.StartsWith(SaveLinkSigner.SaveUrlPrefix, link, StringComparison.Ordinal);
        var jwt = link[SaveLinkSigner.SaveUrlPrefix.Length..];
        Assert.True(link.Length < 1800, $"the link has {link.Length} characters");
        var (header, claims) = Jwt.Verify(jwt, cluster.Account.Key) ?? throw new Xunit.Sdk.XunitException("the JWT does not verify with the service account's key");
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal(TestServiceAccount.KeyId, header["kid"]!.GetValue<string>());
        Assert.Equal(TestServiceAccount.Email, claims["iss"]!.GetValue<string>());
        Assert.Equal("google", claims["aud"]!.GetValue<string>());
        Assert.Equal("savetowallet", claims["typ"]!.GetValue<string>());
        Assert.Equal(issuedAt.ToUnixTimeSeconds(), claims["iat"]!.GetValue<long>());
        Assert.Equal(["https://loyalty.test"], claims["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        var payload = claims["payload"]!.AsObject();
        Assert.Equal(["loyaltyObjects"], payload.Select(p => p.Key));
        var named = Assert.Single(payload["loyaltyObjects"]!.AsArray())!.AsObject();
        Assert.Equal(["id"], named.Select(p => p.Key));
        Assert.Equal(objectId, named["id"]!.GetValue<string>());

        var classId = WalletIds.Class(FakeGoogleWallet.IssuerId, card.ProgramId);
        var loyaltyClass = Google.Class(classId)!;
        Assert.Equal("UNDER_REVIEW", loyaltyClass["reviewStatus"]!.GetValue<string>());
        Assert.Equal("Café Wallet", loyaltyClass["issuerName"]!.GetValue<string>());
        Assert.Equal("Coffee club", loyaltyClass["programName"]!.GetValue<string>());
        Assert.Equal(Google.LogoUrl.AbsoluteUri, loyaltyClass["programLogo"]!["sourceUri"]!["uri"]!.GetValue<string>());
        Assert.Equal(["fr", "de", "lb"], loyaltyClass["localizedAccountIdLabel"]!["translatedValues"]!.AsArray().Select(t => t!["language"]!.GetValue<string>()));
        var loyaltyObject = Google.Object(objectId)!;
        Assert.Equal(classId, loyaltyObject["classId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", loyaltyObject["state"]!.GetValue<string>());
        Assert.Equal(card.CardNumber, loyaltyObject["accountId"]!.GetValue<string>());
        Assert.Equal("Ana Lima", loyaltyObject["accountName"]!.GetValue<string>());
        Assert.Equal("QR_CODE", loyaltyObject["barcode"]!["type"]!.GetValue<string>());
        Assert.Equal(card.CardNumber, loyaltyObject["barcode"]!["value"]!.GetValue<string>());
        Assert.Equal(50, WalletAssertions.Points(loyaltyObject));
        Assert.Equal(0, WalletAssertions.Stamps(loyaltyObject));
        Assert.Equal("Stempel", loyaltyObject["secondaryLoyaltyPoints"]!["localizedLabel"]!["translatedValues"]![1]!["value"]!.GetValue<string>());
        Assert.Equal(["rewards", "tier"], loyaltyObject["textModulesData"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.Null(loyaltyObject["notifyPreference"]);

        // A second click makes another link for the same object, without writing anything.
        var mark = Google.Requests.Count;
        Assert.NotNull(await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetSaveLinkAsync()));
        Assert.Empty(Google.About(objectId, mark));
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task Stamp_SavedCard_UpdatesTheObjectSilently()
    {
        var (merchantId, card, objectId) = await SavedCardAsync(stampsRequired: 10);
        var mark = Google.Requests.Count;

        await cluster.Grains.StampAsync(merchantId, card.CardNumber);

        await cluster.UntilAsync(() => Google.Object(objectId) is { } o && WalletAssertions.Stamps(o) == 1, "the object shows the stamp");
        var update = Assert.Single(Google.About(objectId, mark));
        Assert.Equal(("PUT", HttpStatusCode.OK), (update.Method, update.Answer));
        Assert.Null(update.NotifyPreference);
        var pass = cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber);
        await cluster.UntilAsync(async () => await pass.GetStatusAsync() is { Pending: false }, "the pass stored its update");
        var status = await pass.GetStatusAsync();
        Assert.Equal((true, false, 0, null), (status!.Inserted, status.Pending, status.Attempts, status.LastError));
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task RewardReady_SavedCard_NotifiesThreeTimesIn24HoursThenSilently()
    {
        var (merchantId, card, objectId) = await SavedCardAsync(stampsRequired: 2);
        var mark = Google.Requests.Count;
        var started = cluster.Time.GetUtcNow();

        // Eight stamps: every second one makes a reward ready; the fourth reward in 24 hours finds the budget spent. Each
        // stamp's state (rewards, stamps) is told apart by its body: a resync may send a state again, silently.
        var firstOfEachState = new List<RecordedRequest>();
        for (var stamp = 1; stamp <= 8; stamp++)
        {
            await cluster.Grains.StampAsync(merchantId, card.CardNumber);
            var state = $"{stamp / 2}/{stamp % 2}";
            await cluster.UntilAsync(() => Google.About(objectId, mark).Any(r => r.Answer == HttpStatusCode.OK && State(r) == state), $"update {stamp} arrived");
            firstOfEachState.Add(Google.About(objectId, mark).First(r => r.Answer == HttpStatusCode.OK && State(r) == state));
        }

        Assert.Equal(
            [null, "NOTIFY_ON_UPDATE", null, "NOTIFY_ON_UPDATE", null, "NOTIFY_ON_UPDATE", null, null],
            firstOfEachState.Select(r => r.NotifyPreference));
        Assert.Equal(3, Google.About(objectId, mark).Count(r => r.NotifyPreference is not null));
        var loyaltyObject = Google.Object(objectId)!;
        Assert.Equal("4", loyaltyObject["textModulesData"]![0]!["body"]!.GetValue<string>());
        var pass = cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber);
        await cluster.UntilAsync(async () => await pass.GetStatusAsync() is { Pending: false }, "the pass stored its update");
        Assert.Equal(3, (await pass.GetStatusAsync())!.NotificationsInWindow);

        // A day after the first notification the budget is back.
        cluster.Time.SetUtcNow(started + TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await cluster.Grains.StampAsync(merchantId, card.CardNumber);
        await cluster.Grains.StampAsync(merchantId, card.CardNumber);
        await cluster.UntilAsync(() => Google.Object(objectId) is { } o && o["textModulesData"]![0]!["body"]!.GetValue<string>() == "5", "the fifth reward arrived");
        Assert.Equal("NOTIFY_ON_UPDATE", Google.About(objectId, mark)[^1].NotifyPreference);
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task FailingServer_RetriedWithBackoffUntilItRecovers_EndsWithTheFinalBalance()
    {
        var (merchantId, card, objectId) = await SavedCardAsync(stampsRequired: 10);
        var pass = cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber);
        using var reminder = new ReminderWatch(pass.GetGrainId(), GoogleWalletPassGrain.ReminderName);
        Google.Plan(objectId, HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError);
        var mark = Google.Requests.Count;
        var armed = reminder.Count;

        await cluster.Grains.StampAsync(merchantId, card.CardNumber);

        // Each failure waits twice as long as the one before: 10, 20, 40 minutes, stored where admins see it.
        TimeSpan[] delays = [TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)];
        HttpStatusCode[] answers = [HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError];
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await cluster.UntilAsync(async () => (await pass.GetStatusAsync())!.Attempts == attempt, $"attempt {attempt} failed");
            var failed = Google.About(objectId, mark)[^1];
            Assert.Equal(answers[attempt - 1], failed.Answer);
            var status = (await pass.GetStatusAsync())!;
            Assert.True(status.Pending);
            Assert.Equal(failed.At + delays[attempt - 1], status.NextAttemptAt);
            Assert.StartsWith($"Object {objectId}: HTTP {(int)answers[attempt - 1]} ", status.LastError, StringComparison.Ordinal);
            var row = await cluster.QueryAsync(
                "SELECT attempts, last_error, next_attempt_at FROM google_wallet_passes WHERE card_number = $1",
                r => (r.GetInt32(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)),
                card.CardNumber);
            Assert.Equal((attempt, status.LastError, status.NextAttemptAt!.Value), Assert.Single(row));

            if (attempt == 2)
            {
                // A stamp during the backoff waits for the next try instead of hammering the failing server.
                var before = Google.About(objectId, mark).Count;
                await cluster.Grains.StampAsync(merchantId, card.CardNumber);
                Assert.Equal(before, Google.About(objectId, mark).Count);
            }

            // Move the clock only once the reminder waits for its new due time.
            await reminder.SleepingAsync(armed);
            armed = reminder.Count;
            cluster.Time.SetUtcNow(status.NextAttemptAt!.Value);
        }

        await cluster.UntilAsync(async () => (await pass.GetStatusAsync()) is { Pending: false }, "the pass recovered");
        var recovered = (await pass.GetStatusAsync())!;
        Assert.Equal((0, null, null), (recovered.Attempts, recovered.LastError, recovered.NextAttemptAt));
        Assert.Equal(2, WalletAssertions.Stamps(Google.Object(objectId)!));
        Assert.Equal(
            [HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.OK],
            Google.About(objectId, mark).Select(r => r.Answer));
        Assert.Equal(0, await cluster.ScalarAsync("SELECT count(*) FROM google_wallet_passes WHERE card_number = $1 AND last_error IS NOT NULL", card.CardNumber));
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task Update_ObjectGoneAtGoogle_InsertsItAgain()
    {
        var (merchantId, card, objectId) = await SavedCardAsync(stampsRequired: 10);
        Google.Forget(objectId);
        var mark = Google.Requests.Count;

        await cluster.Grains.StampAsync(merchantId, card.CardNumber);

        await cluster.UntilAsync(() => Google.Object(objectId) is { } o && WalletAssertions.Stamps(o) == 1, "the object is back with the stamp");
        Assert.Equal([("PUT", HttpStatusCode.NotFound), ("POST", HttpStatusCode.OK)], Google.About(objectId, mark).Select(r => (r.Method, r.Answer)));
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task Insert_ObjectAlreadyAtGoogle_UpdatesIt()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync();
        var card = await cluster.Grains.EnrollAsync(merchantId, program);
        var objectId = WalletIds.Object(FakeGoogleWallet.IssuerId, card.CardNumber);

        // An object from an earlier life of the database: the insert meets 409, the update takes its place.
        await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletClassGrain>(card.ProgramId).EnsureAsync());
        Google.Seed(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = objectId,
            ["classId"] = WalletIds.Class(FakeGoogleWallet.IssuerId, card.ProgramId),
            ["state"] = "ACTIVE",
        });
        var mark = Google.Requests.Count;

        Assert.NotNull(await cluster.PumpAsync(cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetSaveLinkAsync()));

        Assert.Equal([("POST", HttpStatusCode.Conflict), ("PUT", HttpStatusCode.OK)], Google.About(objectId, mark).Select(r => (r.Method, r.Answer)));
        Assert.Equal(50, WalletAssertions.Points(Google.Object(objectId)!));
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task Erasure_SavedCard_MakesTheObjectInactive()
    {
        var (merchantId, card, objectId) = await SavedCardAsync(stampsRequired: 10);

        var erased = await cluster.Grains.GetGrain<ICardGrain>(card.CardNumber).EraseCustomerAsync(new CustomerErasure(merchantId, "test"));
        Assert.Equal(CardOutcomeStatus.Applied, erased.Status);

        await cluster.UntilAsync(() => Google.Object(objectId)?["state"]?.GetValue<string>() == "INACTIVE", "the object is inactive");
        Assert.Empty(Google.Violations);
    }

    [Fact]
    public async Task Stamp_CardNeverSaved_SendsNothing()
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync();
        var card = await cluster.Grains.EnrollAsync(merchantId, program);
        var mark = Google.Requests.Count;

        await cluster.Grains.StampAsync(merchantId, card.CardNumber);

        Assert.Null(await cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber).GetStatusAsync());
        Assert.Equal(0, await cluster.ScalarAsync("SELECT count(*) FROM google_wallet_passes WHERE card_number = $1", card.CardNumber));
        Assert.Equal(mark, Google.Requests.Count);
    }

    private async Task<(Guid MerchantId, CardView Card, string ObjectId)> SavedCardAsync(int stampsRequired)
    {
        var (merchantId, program) = await cluster.Grains.CreateProgramAsync(stampsRequired);
        var card = await cluster.Grains.EnrollAsync(merchantId, program);
        var pass = cluster.Grains.GetGrain<IGoogleWalletPassGrain>(card.CardNumber);
        var link = await cluster.PumpAsync(pass.GetSaveLinkAsync());
        Assert.True(link is not null, $"no save link: {(await pass.GetStatusAsync())?.LastError}; {string.Join("; ", Google.Violations)}");
        return (merchantId, card, WalletIds.Object(FakeGoogleWallet.IssuerId, card.CardNumber));
    }

    /// <summary>"{rewards}/{stamps}" of an object update: the reward count text module and the stamps balance.</summary>
    private static string? State(RecordedRequest request) =>
        request.Body is { } body
            ? $"{body["textModulesData"]?[0]?["body"]?.GetValue<string>()}/{(body["secondaryLoyaltyPoints"] ?? body["loyaltyPoints"])?["balance"]?["int"]?.ToJsonString()}"
            : null;
}
