using Loyalty.TerminalClient.Contracts;
using Loyalty.TerminalClient.Offline;
using Loyalty.TerminalClient.Tests.Stubs;

namespace Loyalty.TerminalClient.Tests.Offline;

/// <summary>The offline queue against the contract stub: sequence, tablet time, batching, what stays and what goes, replays.</summary>
public sealed class OfflineQueueTests : IDisposable
{
    private const string Card = "4000123412341234";
    private static readonly Guid PinId = Guid.Parse("0195a3f0-0000-7000-8000-000000000001");
    private readonly StubTerminalServer _server = new();
    private readonly HttpClient _http;
    private readonly TerminalClient _client;
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)));
    private readonly InMemoryOfflineQueueStore _store = new();

    public OfflineQueueTests()
    {
        _http = _server.CreateClient();
        _client = new TerminalClient(_http, "tok");
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task EnqueueAsync_RecordsIncreasingDeviceSeqTabletTimeAndKey_AndSavesBeforeReturning()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);

        var first = await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));
        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = await queue.EnqueueAsync(SyncOperation.Points(Card, 1250, "EUR", PinId, "mine"));

        Assert.Equal((1L, 2L), (first.DeviceSeq, second.DeviceSeq));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(-30), first.OccurredAt);
        Assert.Equal(_clock.GetUtcNow(), second.OccurredAt);
        Assert.Equal(32, first.IdempotencyKey.Length);
        Assert.Equal("mine", second.IdempotencyKey);
        Assert.Equal([first, second], _store.State.Operations);
        Assert.Equal(2, _store.SaveCount);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FlushAsync_AllApplied_EmptiesTheQueueAndKeepsCountingAfterIt()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        await queue.EnqueueAsync(SyncOperation.Enrollment(new NewCustomer(Guid.NewGuid(), "lena@example.com", "Lena", Phone: "+352 691 123 456"), PinId));
        await queue.EnqueueAsync(SyncOperation.StampRedemption(Card, PinId));
        await queue.EnqueueAsync(SyncOperation.PointRedemption(Card, "mug", PinId));

        var flushed = await queue.FlushAsync();
        var next = await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));

        Assert.All(flushed.Results, r => Assert.Equal((OfflineOutcome.Succeeded, 200), (r.Outcome, r.Status!.Value)));
        Assert.Equal(3, flushed.Results[2].BodyAs<StampResult>()!.Stamps);
        Assert.Equal(0, flushed.Remaining);
        Assert.Equal(4, next.DeviceSeq);
        Assert.Equal(4, _store.State.LastDeviceSeq);
        var sent = Assert.Single(_server.Syncs).Body!.Value.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(["enrollment", "stampRedemption", "pointRedemption"], sent.Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal([1L, 2L, 3L], sent.Select(o => o.GetProperty("deviceSeq").GetInt64()));
        Assert.Equal(_clock.GetUtcNow(), sent[0].GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task FlushAsync_1201Operations_SendsBatchesOf500InDeviceSeqOrder()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        for (var i = 0; i < 1201; i++)
        {
            await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));
        }

        var flushed = await queue.FlushAsync();

        Assert.Equal([500, 500, 201], _server.Syncs.Select(s => s.Body!.Value.GetProperty("operations").GetArrayLength()));
        var sequence = _server.Syncs.SelectMany(s => s.Body!.Value.GetProperty("operations").EnumerateArray()).Select(o => o.GetProperty("deviceSeq").GetInt64());
        Assert.Equal(Enumerable.Range(1, 1201).Select(i => (long)i), sequence);
        Assert.Equal(1201, flushed.Results.Count(r => r.Outcome == OfflineOutcome.Succeeded));
        Assert.Empty(queue.Pending);
    }

    [Fact]
    public async Task FlushAsync_RetryableAnswers_StayWithTheSameKeysAndFinalRefusalsLeave()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        var operations = new List<SyncOperation>();
        foreach (var count in new[] { 1, 2, 3, 4, 5, 6 })
        {
            operations.Add(await queue.EnqueueAsync(SyncOperation.Stamp(Card, count, PinId)));
        }

        // Counts 2, 3: retry later (503, 429); 4: a final refusal (422); 5: an unknown outcome (500).
        _server.ForceOperationStatus = o => o.GetProperty("count").GetInt32() switch { 2 => 503, 3 => 429, 4 => 422, 5 => 500, _ => null };
        var first = await queue.FlushAsync();
        _server.ForceOperationStatus = _ => null;
        var second = await queue.FlushAsync();

        Assert.Equal(
            [OfflineOutcome.Succeeded, OfflineOutcome.Pending, OfflineOutcome.Pending, OfflineOutcome.Refused, OfflineOutcome.Pending, OfflineOutcome.Succeeded],
            first.Results.Select(r => r.Outcome));
        Assert.Equal("forced-422", first.Results[3].Problem!.Code);
        Assert.Equal(3, first.Remaining);
        var resent = _server.Syncs[1].Body!.Value.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal([operations[1], operations[2], operations[4]], second.Results.Select(r => r.Operation));
        Assert.Equal(
            [operations[1].IdempotencyKey, operations[2].IdempotencyKey, operations[4].IdempotencyKey],
            resent.Select(o => o.GetProperty("idempotencyKey").GetString()));
        Assert.Equal([2L, 3L, 5L], resent.Select(o => o.GetProperty("deviceSeq").GetInt64()));
        Assert.Equal(operations[1].OccurredAt, resent[0].GetProperty("occurredAt").GetDateTimeOffset());
        Assert.All(second.Results, r => Assert.Equal(OfflineOutcome.Succeeded, r.Outcome));
        Assert.Empty(_store.State.Operations);
    }

    [Fact]
    public async Task FlushAsync_AnswerLostAfterTheServerApplied_KeepsAllAndTheRepeatAppliesNothingTwice()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        for (var i = 0; i < 10; i++)
        {
            await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));
        }

        _server.LoseAnswersAfterApplying = 1;
        var lost = await queue.FlushAsync();
        var repeated = await queue.FlushAsync();

        Assert.All(lost.Results, r => Assert.Equal((OfflineOutcome.Pending, (int?)null), (r.Outcome, r.Status)));
        Assert.Equal(10, lost.Remaining);
        Assert.Equal(
            _server.Syncs[0].Body!.Value.GetProperty("operations").ToString(),
            _server.Syncs[1].Body!.Value.GetProperty("operations").ToString());
        Assert.Equal(10, _server.Applied.Count);
        Assert.Equal(Enumerable.Range(1, 10), repeated.Results.Select(r => r.BodyAs<StampResult>()!.Stamps));
        Assert.Empty(queue.Pending);
    }

    [Fact]
    public async Task FlushAsync_BatchWithPendingOperations_LeavesLaterBatchesForTheNextFlush()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock, maxBatchSize: 2);
        for (var i = 0; i < 5; i++)
        {
            await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId, $"k{i}"));
        }

        _server.ForceOperationStatus = o => o.GetProperty("idempotencyKey").GetString() == "k2" ? 503 : null;
        var flushed = await queue.FlushAsync();

        Assert.Equal(2, _server.Syncs.Count);
        Assert.Equal([200, 200, 503, 200, null], flushed.Results.Select(r => r.Status));
        Assert.Equal(["k2", "k4"], queue.Pending.Select(o => o.IdempotencyKey));
    }

    [Fact]
    public async Task FlushAsync_WholeSyncRefused_ThrowsAndChangesNothing()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));
        var saves = _store.SaveCount;
        _server.WholeSync = () => StubAnswer.Problem(401, "device-revoked");

        var refused = await Assert.ThrowsAsync<TerminalApiException>(() => queue.FlushAsync());

        Assert.Equal("device-revoked", refused.Code);
        Assert.Single(queue.Pending);
        Assert.Equal(saves, _store.SaveCount);
    }

    [Fact]
    public async Task FlushAsync_WholeSyncUnavailable_KeepsEverythingPending()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));
        await queue.EnqueueAsync(SyncOperation.Stamp(Card, 2, PinId));
        _server.WholeSync = () => StubAnswer.Problem(503, "unavailable");

        var flushed = await queue.FlushAsync();

        Assert.All(flushed.Results, r => Assert.Equal((OfflineOutcome.Pending, (int?)503, "unavailable"), (r.Outcome, r.Status, r.Problem!.Code)));
        Assert.Equal(2, queue.Pending.Count);
    }

    [Fact]
    public async Task FlushAsync_SameKeyQueuedTwice_IsAppliedOnce()
    {
        using var queue = await OfflineQueue.OpenAsync(_client, _store, _clock);
        await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId, "twice"));
        await queue.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId, "twice"));

        var flushed = await queue.FlushAsync();

        Assert.Equal(["twice"], _server.Applied);
        Assert.Equal(flushed.Results[0].Body.ToString(), flushed.Results[1].Body.ToString());
        Assert.Empty(queue.Pending);
    }
}
