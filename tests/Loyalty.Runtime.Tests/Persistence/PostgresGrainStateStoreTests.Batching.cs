using Loyalty.Runtime.Persistence;
using Npgsql;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>Group commit: batching, per-write outcomes inside a batch, batch failures, cancellation, shutdown.</summary>
public sealed partial class PostgresGrainStateStoreTests
{
    [Fact]
    public async Task WriteAsync_200ConcurrentWritesToDistinctGrains_AllCommitInOneBatch()
    {
        await using var store = CreateStore();
        var gate = HoldCommitters(store);
        var keys = Enumerable.Range(0, 200).Select(_ => NewKey()).ToArray();

        var writes = keys.Select(key => store.WriteAsync(new StateWrite(key, Json("7"), 0, [LedgerRow(key, 1, 7)]))).ToArray();
        gate.SetResult();
        var versions = await Task.WhenAll(writes);

        Assert.All(versions, version => Assert.Equal(1, version));
        Assert.Equal([200], _metricsRecorder.BatchSizes);
        Assert.Equal(200, _metricsRecorder.Writes("committed"));
        Assert.Equal(200L, await ScalarAsync<long>("SELECT count(*) FROM test_ledger WHERE grain_key = ANY($1)", (object)keys.Select(k => k.GrainId.Key).ToArray()));
    }

    [Fact]
    public async Task WriteAsync_MoreWritesThanMaxBatchSize_SplitAcrossCommitters()
    {
        await using var store = CreateStore(configure: options => options.MaxBatchSize = 64);
        var gate = HoldCommitters(store);

        var writes = Enumerable.Range(0, 200).Select(_ => store.WriteAsync(new StateWrite(NewKey(), Json("1"), 0))).ToArray();
        gate.SetResult();
        await Task.WhenAll(writes);

        Assert.Equal(200, _metricsRecorder.BatchSizes.Sum());
        Assert.All(_metricsRecorder.BatchSizes, size => Assert.InRange(size, 1, 64));
    }

    [Fact]
    public async Task WriteAsync_OneConflictInBatch_OthersCommit()
    {
        await using var store = CreateStore();
        var (a, stale, c) = (NewKey(), NewKey(), NewKey());
        await store.WriteAsync(new StateWrite(stale, Json("1"), 0));
        await store.WriteAsync(new StateWrite(stale, Json("2"), 1));
        var gate = HoldCommitters(store);

        var first = store.WriteAsync(new StateWrite(a, Json("1"), 0, [LedgerRow(a, 1, 1)]));
        var conflicting = store.WriteAsync(new StateWrite(stale, Json("3"), 1, [LedgerRow(stale, 1, 1)]));
        var third = store.WriteAsync(new StateWrite(c, Json("1"), 0, [LedgerRow(c, 1, 1)]));
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(1, await third);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal([1, 1, 3], _metricsRecorder.BatchSizes);
        Assert.Equal(2, (await store.ReadAsync(stale)).Version);
        Assert.Equal(0, await CountAsync("test_ledger", stale));
        Assert.Equal(1, await CountAsync("test_ledger", a));
        Assert.Equal(1, await CountAsync("test_ledger", c));
    }

    [Fact]
    public async Task WriteAsync_RowViolatesUniqueConstraint_FailsOnlyItsOwnWrite()
    {
        await using var store = CreateStore();
        var (a, faulty, c) = (NewKey(), NewKey(), NewKey());
        await store.WriteAsync(new StateWrite(faulty, Json("1"), 0, [LedgerRow(faulty, 1, 1)]));
        var gate = HoldCommitters(store);

        var first = store.WriteAsync(new StateWrite(a, Json("1"), 0, [LedgerRow(a, 1, 1)]));
        var duplicate = store.WriteAsync(new StateWrite(faulty, Json("2"), 1, [LedgerRow(faulty, 2, 2), LedgerRow(faulty, 1, 1)]));
        var third = store.WriteAsync(new StateWrite(c, Json("1"), 0, [LedgerRow(c, 1, 1)]));
        gate.SetResult();

        // Version 1, not a conflict: the failed batch rolled back before each write was retried alone.
        Assert.Equal(1, await first);
        Assert.Equal(1, await third);
        var exception = await Assert.ThrowsAsync<GrainStateWriteException>(() => duplicate);
        Assert.Equal(faulty, exception.Key);
        Assert.Contains(faulty.GrainId.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(exception.InnerException).SqlState);
        Assert.Equal([1, 3, 1, 1, 1], _metricsRecorder.BatchSizes);
        Assert.Equal(1, (await store.ReadAsync(faulty)).Version);
        Assert.Equal(1, await CountAsync("test_ledger", faulty));
        Assert.Equal(1, await CountAsync("test_ledger", a));
    }

    [Fact]
    public async Task WriteAsync_DatabaseUnreachable_FailsEveryWriteOfTheBatch()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=5");
        await using var store = CreateStore(unreachable);
        var gate = HoldCommitters(store);

        var writes = Enumerable.Range(0, 3).Select(_ => store.WriteAsync(new StateWrite(NewKey(), Json("1"), 0))).ToArray();
        gate.SetResult();

        foreach (var write in writes)
        {
            var exception = await Assert.ThrowsAsync<GrainStateWriteException>(() => write);
            Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
        }

        Assert.Equal(3, _metricsRecorder.Writes("failed"));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_IsWithdrawnAndNotWritten()
    {
        await using var store = CreateStore();
        var gate = HoldCommitters(store);
        var (kept, withdrawn) = (NewKey(), NewKey());
        using var cancellation = new CancellationTokenSource();

        var keptWrite = store.WriteAsync(new StateWrite(kept, Json("1"), 0));
        var withdrawnWrite = store.WriteAsync(new StateWrite(withdrawn, Json("1"), 0), cancellation.Token);
        await cancellation.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawnWrite);
        Assert.Equal(1, await keptWrite);
        Assert.Equal(0, (await store.ReadAsync(withdrawn)).Version);
        Assert.Equal([1], _metricsRecorder.BatchSizes);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedWrites_CommitsThemAndRefusesNewOnes()
    {
        var store = CreateStore();
        var gate = HoldCommitters(store);
        var key = NewKey();
        var queued = Enumerable.Range(0, 10).Select(_ => store.WriteAsync(new StateWrite(NewKey(), Json("1"), 0))).ToList();
        queued.Add(store.WriteAsync(new StateWrite(key, Json("1"), 0)));

        var disposal = store.DisposeAsync().AsTask();
        Assert.False(disposal.IsCompleted);
        gate.SetResult();
        await disposal;

        Assert.All(queued, write => Assert.Equal(1, write.Result));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync(new StateWrite(key, Json("2"), 1)));
    }

    [Fact]
    public async Task NpgsqlBatch_WithoutTransaction_RollsBackEarlierStatementsWhenOneFails()
    {
        var key = NewKey().GrainId.Key;
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(Command("INSERT INTO test_ledger (grain_key, entry_no, amount) VALUES ($1, 1, 1)", key));
        batch.BatchCommands.Add(Command("INSERT INTO test_ledger (grain_key, entry_no, amount) VALUES ($1, 2, 1)", key));
        batch.BatchCommands.Add(Command("INSERT INTO test_ledger (grain_key, entry_no, amount) VALUES ($1, 1, 1)", key));

        var exception = await Assert.ThrowsAsync<PostgresException>(() => batch.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, exception.SqlState);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM test_ledger WHERE grain_key = $1", key));

        static NpgsqlBatchCommand Command(string sql, string key) => new(sql) { Parameters = { new NpgsqlParameter { Value = key } } };
    }

    private static TaskCompletionSource HoldCommitters(PostgresGrainStateStore store)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforeTakingBatch = () => gate.Task;
        return gate;
    }
}
