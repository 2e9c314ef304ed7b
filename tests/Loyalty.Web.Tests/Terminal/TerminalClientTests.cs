using Loyalty.TerminalClient;
using Loyalty.TerminalClient.Contracts;
using Loyalty.TerminalClient.Offline;
using Loyalty.Web.Tests.Hosting;
using Client = Loyalty.TerminalClient.TerminalClient;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>
/// The terminal client library against the real frontend over HTTP: pairing, PINs, enrolment, and the offline queue's
/// flushes, repeated and interrupted, counted in the ledger.
/// </summary>
public sealed class TerminalClientTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    [Fact]
    public async Task TerminalClient_ThirtyOfflineStampsWithRepeatedKeys_ApplyEachKeyOnceAndReplayChangesNothing()
    {
        var (client, pinId, programId) = await PairAsync();
        var enrolled = await client.EnrollAsync(new NewCustomer(programId, $"{Guid.NewGuid():N}@example.com", "Lena Weber"), pinId);
        var number = enrolled.Value.Card.CardNumber;
        var ledgerBefore = await LedgerRowsAsync(number);
        using var queue = await OfflineQueue.OpenAsync(client, new InMemoryOfflineQueueStore(), app.Clock);

        // 30 stamps while offline; every sixth repeats the previous key (a double tap, a retried enqueue): 25 distinct.
        var prefix = Guid.NewGuid().ToString("N");
        var queued = new List<SyncOperation>();
        for (var i = 0; i < 30; i++)
        {
            var key = i % 6 == 5 ? $"{prefix}-{i - 1}" : $"{prefix}-{i}";
            queued.Add(await queue.EnqueueAsync(SyncOperation.Stamp(number, 1, pinId, key)));
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var flushed = await queue.FlushAsync();
        var again = await queue.FlushAsync();
        var replayed = await client.SyncAsync(queued);

        Assert.All(flushed.Results, r => Assert.Equal((OfflineOutcome.Succeeded, (int?)200), (r.Outcome, r.Status)));
        Assert.Equal(
            Enumerable.Range(0, 30).Where(i => i % 6 == 5).Select(i => flushed.Results[i - 1].Body.ToString()),
            Enumerable.Range(0, 30).Where(i => i % 6 == 5).Select(i => flushed.Results[i].Body.ToString()));
        Assert.Equal((0, 0), (flushed.Remaining, again.Results.Count));
        Assert.Equal(flushed.Results.Select(r => r.Body.ToString()), replayed.Results.Select(r => r.Body.ToString()));
        var card = await client.GetCardAsync(number);
        Assert.Equal((5, 2), (card.Stamps, card.RewardsAvailable));
        Assert.Equal(ledgerBefore + 25, await LedgerRowsAsync(number));
        Assert.Equal(queued[0].OccurredAt!.Value.UtcDateTime, await app.QueryScalarAsync<DateTime>(
            "SELECT occurred_at FROM ledger_entries WHERE card_number = $1 AND idempotency_key = $2", number, queued[0].IdempotencyKey));
    }

    [Fact]
    public async Task TerminalClient_FlushInterruptedAfterTheServerApplied_RepeatAppliesNothingTwice()
    {
        using var lossy = new LoseFirstSyncAnswerHandler();
        using var http = new HttpClient(lossy) { BaseAddress = app.App.Client.BaseAddress };
        var (paired, pinId, programId) = await PairAsync();
        var client = new Client(http, paired.DeviceToken);
        var number = (await client.EnrollAsync(new NewCustomer(programId, $"{Guid.NewGuid():N}@example.com", "Lena Weber"), pinId)).Value.Card.CardNumber;
        var ledgerBefore = await LedgerRowsAsync(number);
        using var queue = await OfflineQueue.OpenAsync(client, new InMemoryOfflineQueueStore(), app.Clock);
        var email = $"{Guid.NewGuid():N}@example.com";
        await queue.EnqueueAsync(SyncOperation.Enrollment(new NewCustomer(programId, email, "Max Muster", Locale: "lb"), pinId));
        for (var i = 0; i < 12; i++)
        {
            await queue.EnqueueAsync(SyncOperation.Stamp(number, 1, pinId));
        }

        await queue.EnqueueAsync(SyncOperation.StampRedemption(number, pinId));

        var interrupted = await queue.FlushAsync();
        var repeated = await queue.FlushAsync();

        Assert.Equal(2, lossy.Syncs);
        Assert.All(interrupted.Results, r => Assert.Equal((OfflineOutcome.Pending, (int?)null), (r.Outcome, r.Status)));
        Assert.All(repeated.Results, r => Assert.Equal(OfflineOutcome.Succeeded, r.Outcome));
        Assert.Equal(201, repeated.Results[0].Status);
        Assert.Equal((2, 0), (repeated.Results[^1].BodyAs<StampResult>()!.Stamps, repeated.Results[^1].BodyAs<StampResult>()!.RewardsAvailable));
        Assert.Empty(queue.Pending);
        var card = await client.GetCardAsync(number);
        Assert.Equal((2, 0), (card.Stamps, card.RewardsAvailable));
        Assert.Equal(ledgerBefore + 13, await LedgerRowsAsync(number));
        Assert.Equal(1L, await app.QueryScalarAsync<long>("SELECT count(*) FROM cards WHERE lower(customer_email) = $1", email));
    }

    [Fact]
    public async Task TerminalClient_Problems_CarryTheContractCodesAndExtras()
    {
        var (client, pinId, programId) = await PairAsync();
        var number = (await client.EnrollAsync(new NewCustomer(programId, $"{Guid.NewGuid():N}@example.com", "Lena Weber"), pinId)).Value.Card.CardNumber;

        var wrongPin = await Assert.ThrowsAsync<TerminalApiException>(() => client.VerifyPinAsync(pinId, "0000"));
        var noReward = await Assert.ThrowsAsync<TerminalApiException>(() => client.RedeemStampRewardAsync(number, pinId));
        var stamped = await client.AddStampsAsync(number, new StampRequest(1, pinId, "reused"));
        var reused = await Assert.ThrowsAsync<TerminalApiException>(() => client.AddStampsAsync(number, new StampRequest(2, pinId, "reused")));
        var invalid = await Assert.ThrowsAsync<TerminalApiException>(() => client.AddStampsAsync(number, 11, pinId));
        client.DeviceToken = "not-a-token";
        var unknown = await Assert.ThrowsAsync<TerminalApiException>(() => client.GetStaffAsync());

        Assert.Equal((401, TerminalProblemCodes.PinInvalid, 4), (wrongPin.Status, wrongPin.Code, wrongPin.Problem.AttemptsRemaining));
        Assert.Equal((422, TerminalProblemCodes.InsufficientStamps, false), (noReward.Status, noReward.Code, noReward.IsRetryable));
        Assert.Equal(1, stamped.Stamps);
        Assert.Equal((409, TerminalProblemCodes.IdempotencyKeyReused, "reused"), (reused.Status, reused.Code, reused.IdempotencyKey));
        Assert.Equal((400, TerminalProblemCodes.Validation), (invalid.Status, invalid.Code));
        Assert.Contains("count", invalid.Problem.Errors.Keys);
        Assert.Equal((401, TerminalProblemCodes.DeviceUnauthorized), (unknown.Status, unknown.Code));
    }

    private async Task<(Client Client, Guid PinId, Guid ProgramId)> PairAsync()
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee club", kind = "stamps", stampsRequired = 10, stampRewardName = "Free coffee" });
        var programId = program.GetProperty("id").GetGuid();
        var pinId = await app.CreatePinAsync(store.StoreId, "246813");
        var code = await app.IssueCodeAsync(store.StoreId);
        var client = new Client(app.App.Client);

        var pairing = await client.PairAsync(code, "Till 7");
        var staff = await client.GetStaffAsync();
        var verified = await client.VerifyPinAsync(pinId, "246813");

        Assert.Equal((store.StoreId, store.MerchantId), (pairing.Store.Id, pairing.Merchant.Id));
        Assert.Contains(pairing.Programs, p => p.Id == programId && p.Kind == "stamps");
        Assert.Equal(pinId, Assert.Single(staff).PinId);
        Assert.StartsWith("$2b$", staff[0].PinHash, StringComparison.Ordinal);
        Assert.Equal(OfflinePinCheck.Valid, new OfflinePinVerifier(app.Clock).Check(staff[0], "246813"));
        Assert.True(verified.Valid);
        return (client, pinId, programId);
    }

    private Task<long> LedgerRowsAsync(string cardNumber) =>
        app.QueryScalarAsync<long>("SELECT count(*) FROM ledger_entries WHERE card_number = $1", cardNumber);
}
