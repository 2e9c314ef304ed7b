using System.Text.Json;
using Loyalty.TerminalClient.Contracts;
using Loyalty.TerminalClient.Offline;
using Loyalty.TerminalClient.Tests.Stubs;

namespace Loyalty.TerminalClient.Tests.Offline;

/// <summary>The JSON-file store: survives restarts, and a save that dies mid-way leaves the previous queue whole.</summary>
public sealed class JsonFileOfflineQueueStoreTests : IDisposable
{
    private const string Card = "4000123412341234";
    private static readonly Guid PinId = Guid.Parse("0195a3f0-0000-7000-8000-000000000001");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "loyalty-queue-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    private string QueueFile => Path.Combine(_directory, "tablet", "queue.json");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Queue_AfterRestart_HasTheSameOperationsAndContinuesTheSequence()
    {
        using var server = new StubTerminalServer();
        using var http = server.CreateClient();
        var client = new TerminalClient(http, "tok");
        SyncOperation[] before;
        using (var queue = await OfflineQueue.OpenAsync(client, new JsonFileOfflineQueueStore(QueueFile), _clock))
        {
            before =
            [
                await queue.EnqueueAsync(SyncOperation.Enrollment(new NewCustomer(Guid.NewGuid(), "lena@example.com", "Lena", "+352 1", new DateOnly(1988, 2, 29), "lb"), PinId)),
                await queue.EnqueueAsync(SyncOperation.Points(Card, 4999, "EUR", PinId)),
            ];
        }

        using var restarted = await OfflineQueue.OpenAsync(client, new JsonFileOfflineQueueStore(QueueFile), _clock);
        var after = await restarted.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId));

        Assert.Equal(before, restarted.Pending.Take(2));
        Assert.Equal(3, after.DeviceSeq);
        await restarted.FlushAsync();
        using var reopened = await OfflineQueue.OpenAsync(client, new JsonFileOfflineQueueStore(QueueFile), _clock);
        Assert.Empty(reopened.Pending);
        Assert.Equal(4, (await reopened.EnqueueAsync(SyncOperation.Stamp(Card, 1, PinId))).DeviceSeq);
    }

    [Fact]
    public async Task SaveAsync_WritesTheContractNamesAndLeavesNoTemporaryFile()
    {
        var store = new JsonFileOfflineQueueStore(QueueFile);

        await store.SaveAsync(new OfflineQueueState(7, [SyncOperation.Stamp(Card, 2, PinId, "k7") with { DeviceSeq = 7, OccurredAt = _clock.GetUtcNow() }]), default);

        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(QueueFile)).RootElement;
        Assert.Equal(7, saved.GetProperty("lastDeviceSeq").GetInt64());
        var operation = Assert.Single(saved.GetProperty("operations").EnumerateArray().ToList());
        Assert.Equal(["kind", "deviceSeq", "idempotencyKey", "pinId", "occurredAt", "cardNumber", "count"], operation.EnumerateObject().Select(p => p.Name));
        Assert.False(File.Exists(store.TemporaryPath));
    }

    [Fact]
    public async Task LoadAsync_AfterACrashMidWrite_ReturnsTheLastCompleteSave()
    {
        var store = new JsonFileOfflineQueueStore(QueueFile);
        var saved = new OfflineQueueState(1, [SyncOperation.Stamp(Card, 1, PinId, "k1") with { DeviceSeq = 1, OccurredAt = _clock.GetUtcNow() }]);
        await store.SaveAsync(saved, default);

        // What a crash during the next save leaves behind: a half-written temporary file beside the queue.
        await File.WriteAllTextAsync(store.TemporaryPath, "{\"lastDeviceSeq\": 2, \"operations\": [{\"kind\": \"st");
        var loaded = await new JsonFileOfflineQueueStore(QueueFile).LoadAsync(default);

        Assert.Equal(saved.LastDeviceSeq, loaded.LastDeviceSeq);
        Assert.Equal(saved.Operations, loaded.Operations);
    }

    [Fact]
    public async Task SaveAsync_FailingBeforeTheRename_LeavesThePreviousQueue()
    {
        var store = new JsonFileOfflineQueueStore(QueueFile);
        var saved = new OfflineQueueState(1, [SyncOperation.Stamp(Card, 1, PinId, "k1") with { DeviceSeq = 1, OccurredAt = _clock.GetUtcNow() }]);
        await store.SaveAsync(saved, default);

        // A directory where the temporary file goes makes the write fail (IOException or access denied), as a full disk would.
        Directory.CreateDirectory(store.TemporaryPath);
        var next = saved with { LastDeviceSeq = 2, Operations = [] };
        await Assert.ThrowsAnyAsync<SystemException>(() => store.SaveAsync(next, default));

        Assert.Equal(saved.Operations, (await store.LoadAsync(default)).Operations);
    }

    [Fact]
    public async Task LoadAsync_NoFile_IsEmptyAndACorruptFile_IsRefusedAndKept()
    {
        var store = new JsonFileOfflineQueueStore(QueueFile);
        Assert.Equal(OfflineQueueState.Empty, await store.LoadAsync(default));
        Directory.CreateDirectory(Path.GetDirectoryName(QueueFile)!);
        await File.WriteAllTextAsync(QueueFile, "not json");

        await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(default));

        Assert.Equal("not json", await File.ReadAllTextAsync(QueueFile));
    }
}
