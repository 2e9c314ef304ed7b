using Loyalty.Runtime.Persistence;
using Npgsql;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>Updates of states in one table that share a batch go as one statement (<see cref="StateUpdateCommands"/>).</summary>
public sealed partial class PostgresGrainStateStoreTests
{
    [Fact]
    public async Task WriteAsync_UpdatesOfOneStateTableInABatch_EachCommitsItsOwnChangeSnapshotAndRows()
    {
        await using var store = CreateStore();
        var (a, va) = await WalletWithOneChangeAsync(store);
        var (b, vb) = await WalletWithOneChangeAsync(store);
        var (c, vc) = await WalletWithOneChangeAsync(store);
        var other = NewKey();
        var before = _metricsRecorder.BatchSizes.Count;
        var gate = HoldCommitters(store);
        _time.SetUtcNow(Now.AddMinutes(7));

        var changed = store.WriteAsync(new StateWrite(a, null, va, [LedgerRow(a, 1, 1), LedgerRow(a, 2, 2)], WalletColumns(8, new DateOnly(2026, 1, 2)), Json("""{"balance":["=",8]}""")));
        var inGrainState = store.WriteAsync(new StateWrite(other, Json("1"), 0, [LedgerRow(other, 1, 1)]));
        var snapshot = store.WriteAsync(new StateWrite(b, Json("""{"balance":9}"""), vb, [LedgerRow(b, 1, 3), ReadModelRow(b, 9)], WalletColumns(9, null)));
        var rowless = store.WriteAsync(new StateWrite(c, null, vc, columns: WalletColumns(10, null), change: Json("""{"balance":["=",10]}""")));
        gate.SetResult();

        Assert.Equal((3L, 1L, 3L, 3L), (await changed, await inGrainState, await snapshot, await rowless));
        Assert.Equal([4], _metricsRecorder.BatchSizes.Skip(before));
        AssertJson("""{"balance":8}""", (await store.ReadAsync(a)).Payload);
        AssertJson("""{"balance":9}""", (await store.ReadAsync(b)).Payload);
        AssertJson("""{"balance":10}""", (await store.ReadAsync(c)).Payload);
        Assert.Equal("""{"balance":["=",8]}""" + "\n" + """{"balance":["=",6]}""" + "\n|8|2026-01-02|3", await WalletRowAsync(a));
        Assert.Equal("<null>|9|<null>|3", await WalletRowAsync(b));
        Assert.Equal("""{"balance":["=",10]}""" + "\n" + """{"balance":["=",6]}""" + "\n|10|<null>|3", await WalletRowAsync(c));
        Assert.Equal(["1", "1", """3|{"balance":9}"""], await Task.WhenAll(new[] { a, c, b }.Select(key => SnapshotAsync(key))));
        Assert.Equal((2L, 1L, 0L, 1L), (await CountAsync("test_ledger", a), await CountAsync("test_ledger", b), await CountAsync("test_ledger", c), await CountAsync("test_ledger", other)));
        Assert.Equal(9L, await ScalarAsync<long>("SELECT balance FROM test_read_model WHERE grain_key = $1", b.GrainId.Key));
        Assert.Equal(Now.AddMinutes(7), await ScalarAsync<DateTimeOffset>("SELECT modified_at FROM test_wallets WHERE wallet_key = $1", c.GrainId.Key));
    }

    [Fact]
    public async Task WriteAsync_OneStaleUpdateAmongMergedOnes_ConflictsAloneAndWritesNoneOfItsRows()
    {
        await using var store = CreateStore();
        var (a, va) = await WalletWithOneChangeAsync(store);
        var (stale, _) = await WalletWithOneChangeAsync(store);
        var (c, vc) = await WalletWithOneChangeAsync(store);
        var before = _metricsRecorder.BatchSizes.Count;
        var gate = HoldCommitters(store);

        var first = store.WriteAsync(new StateWrite(a, null, va, [LedgerRow(a, 1, 1)], WalletColumns(7, null), Json("""{"balance":["=",7]}""")));
        var conflicting = store.WriteAsync(new StateWrite(stale, Json("""{"balance":100}"""), 1, [LedgerRow(stale, 1, 1)], WalletColumns(100, null)));
        var third = store.WriteAsync(new StateWrite(c, null, vc, [LedgerRow(c, 1, 1)], WalletColumns(7, null), Json("""{"balance":["=",7]}""")));
        gate.SetResult();

        Assert.Equal((3L, 3L), (await first, await third));
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal((stale, 1L), (exception.Key, exception.ExpectedVersion));
        Assert.Equal([3], _metricsRecorder.BatchSizes.Skip(before));
        Assert.Equal("""{"balance":["=",6]}""" + "\n|6|<null>|2", await WalletRowAsync(stale));
        Assert.Equal("1", await SnapshotAsync(stale));
        Assert.Equal((1L, 0L, 1L), (await CountAsync("test_ledger", a), await CountAsync("test_ledger", stale), await CountAsync("test_ledger", c)));
    }

    [Fact]
    public async Task WriteAsync_MergedUpdateBreaksAConstraint_OnlyItFailsOnceEachIsRetriedAlone()
    {
        await using var store = CreateStore();
        var (a, va) = await WalletWithOneChangeAsync(store);
        var (faulty, vf) = await WalletWithOneChangeAsync(store);
        await store.WriteAsync(new StateWrite(faulty, null, vf, [LedgerRow(faulty, 1, 1)], WalletColumns(6, null), Json("""{"balance":["=",6]}""")));
        var before = _metricsRecorder.BatchSizes.Count;
        var gate = HoldCommitters(store);

        var first = store.WriteAsync(new StateWrite(a, null, va, [LedgerRow(a, 1, 1)], WalletColumns(7, null), Json("""{"balance":["=",7]}""")));
        var duplicate = store.WriteAsync(new StateWrite(faulty, null, vf + 1, [LedgerRow(faulty, 1, 1)], WalletColumns(7, null), Json("""{"balance":["=",7]}""")));
        gate.SetResult();

        Assert.Equal(3, await first);
        var exception = await Assert.ThrowsAsync<GrainStateWriteException>(() => duplicate);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(exception.InnerException).SqlState);
        Assert.Equal([2, 1, 1], _metricsRecorder.BatchSizes.Skip(before));
        Assert.Equal(3, (await store.ReadAsync(faulty)).Version);
        Assert.Equal((1L, 1L), (await CountAsync("test_ledger", a), await CountAsync("test_ledger", faulty)));
    }

    [Fact]
    public async Task WriteAsync_SameStateTwiceInABatch_BothCommitInOrder()
    {
        await using var store = CreateStore();
        var (wallet, version) = await WalletWithOneChangeAsync(store);
        var (other, otherVersion) = await WalletWithOneChangeAsync(store);
        var account = NewAccountKey();
        var before = _metricsRecorder.BatchSizes.Count;
        var gate = HoldCommitters(store);

        var inserted = store.WriteAsync(new StateWrite(account, Json("""{"balance":1}"""), 0, columns: AccountColumns(1, "Ana")));
        var first = store.WriteAsync(new StateWrite(wallet, null, version, columns: WalletColumns(7, null), change: Json("""{"balance":["=",7]}""")));
        var otherWrite = store.WriteAsync(new StateWrite(other, null, otherVersion, columns: WalletColumns(7, null), change: Json("""{"balance":["=",7]}""")));
        var updated = store.WriteAsync(new StateWrite(account, Json("""{"balance":2}"""), 1, columns: AccountColumns(2, "Ana")));
        var second = store.WriteAsync(new StateWrite(wallet, null, version + 1, columns: WalletColumns(8, null), change: Json("""{"balance":["=",8]}""")));
        gate.SetResult();

        Assert.Equal((1L, 3L, 3L, 2L, 4L), (await inserted, await first, await otherWrite, await updated, await second));
        Assert.Equal([5], _metricsRecorder.BatchSizes.Skip(before));
        AssertJson("""{"balance":8}""", (await store.ReadAsync(wallet)).Payload);
        AssertJson("""{"balance":2}""", (await store.ReadAsync(account)).Payload);
    }

    [Fact]
    public async Task WriteAsync_MergedUpdatesOfATableWithoutSnapshots_StorePayloadsAndColumnsNullOrNot()
    {
        await using var store = CreateStore();
        var (a, b, cleared) = (NewAccountKey(), NewAccountKey(), NewAccountKey());
        foreach (var key in new[] { a, b, cleared })
        {
            await store.WriteAsync(new StateWrite(key, Json("""{"balance":1}"""), 0, columns: AccountColumns(1, "Ana")));
        }

        var before = _metricsRecorder.BatchSizes.Count;
        var gate = HoldCommitters(store);
        var first = store.WriteAsync(new StateWrite(a, Json("""{"balance":5}"""), 1, [LedgerRow(a, 1, 4)], AccountColumns(5, null)));
        var second = store.WriteAsync(new StateWrite(b, Json("""{"balance":6}"""), 1, columns: AccountColumns(6, "Zoë")));
        var clearing = store.WriteAsync(new StateWrite(cleared, null, 1));
        gate.SetResult();

        Assert.Equal((2L, 2L, 2L), (await first, await second, await clearing));
        Assert.Equal([3], _metricsRecorder.BatchSizes.Skip(before));
        AssertJson("""{"balance":5}""", (await store.ReadAsync(a)).Payload);
        AssertJson("""{"balance":6}""", (await store.ReadAsync(b)).Payload);
        Assert.Equal(new StoredState(null, 2), await store.ReadAsync(cleared));
        Assert.Equal(["5|<null>", "6|Zoë"], await Task.WhenAll(new[] { a, b }.Select(key => ScalarAsync<string>(
            "SELECT balance || '|' || coalesce(owner, '<null>') FROM test_accounts WHERE account_key = $1", key.GrainId.Key))));
        Assert.Equal(1L, await CountAsync("test_ledger", a));
    }

    [Fact]
    public async Task WriteAsync_SmallMergedBatches_RunTheStatementsGenericPlanInsteadOfPlanningEachBatch()
    {
        // One pooled connection that prepares what it runs: the statements' plan counts are on it afterwards.
        var single = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 1, MaxAutoPrepare = 16, AutoPrepareMinUsages = 1 };
        await using var dataSource = NpgsqlDataSource.Create(single.ConnectionString);
        GrainStateKey a, b;
        long va, vb;
        await using (var setUp = CreateStore(dataSource))
        {
            ((a, va), (b, vb)) = (await WalletWithOneChangeAsync(setUp), await WalletWithOneChangeAsync(setUp));
        }

        var before = _metricsRecorder.BatchSizes.Count;
        for (var round = 1; round <= 8; round++)
        {
            // A store per round, so no committer of an earlier round can take one write before the other is queued.
            await using var store = CreateStore(dataSource);
            var gate = HoldCommitters(store);
            var change = Json("{\"balance\":[\"=\"," + round + "]}");
            var first = store.WriteAsync(new StateWrite(a, null, va, [LedgerRow(a, round, 1)], WalletColumns(round), change));
            var second = store.WriteAsync(new StateWrite(b, null, vb, [LedgerRow(b, round, 1)], WalletColumns(round), change));
            gate.SetResult();
            (va, vb) = (await first, await second);
        }

        Assert.Equal(Enumerable.Repeat(2, 8), _metricsRecorder.BatchSizes.Skip(before));
        Assert.Equal((10L, 10L), (va, vb));
        await using var plans = dataSource.CreateCommand(
            "SELECT custom_plans || '|' || generic_plans FROM pg_prepared_statements WHERE statement LIKE 'WITH i AS (SELECT * FROM unnest(%'");
        Assert.Equal("0|8", await plans.ExecuteScalarAsync());
    }

    private Task<string> WalletRowAsync(GrainStateKey key) => ScalarAsync<string>(
        "SELECT coalesce(changes, '<null>') || '|' || balance || '|' || coalesce(opened::text, '<null>') || '|' || version FROM test_wallets WHERE wallet_key = $1",
        key.GrainId.Key);

    private Task<string> SnapshotAsync(GrainStateKey key) => ScalarAsync<string>(
        "SELECT version || CASE WHEN version = 1 THEN '' ELSE '|' || payload END FROM test_wallet_snapshots WHERE wallet_key = $1", key.GrainId.Key);
}
