using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>States stored as a snapshot plus the changes written since (<see cref="StateTable.SnapshotTable"/>).</summary>
public sealed partial class PostgresGrainStateStoreTests
{
    private static readonly StateTable Wallets = new("test_wallets", "wallet_key") { SnapshotTable = "test_wallet_snapshots" };

    [Fact]
    public async Task WriteAsync_SnapshotTable_FirstWriteIsASnapshotAndLaterChangesGoToTheRowNewestFirst()
    {
        await using var store = CreateStore();
        var key = NewWalletKey();

        var first = await store.WriteAsync(new StateWrite(key, Json("""{"balance":5,"tags":["a"]}"""), 0, columns: WalletColumns(5)));
        var second = await store.WriteAsync(new StateWrite(key, null, first, columns: WalletColumns(7), change: Json("""{"balance":["=",7]}""")));
        var third = await store.WriteAsync(new StateWrite(key, null, second, [LedgerRow(key, 1, 2)], WalletColumns(7), Json("""{"tags":["+",1,["b","c"]]}""")));
        var state = await store.ReadAsync(key);

        Assert.Equal((1L, 2L, 3L), (first, second, third));
        AssertJson("""{"balance":7,"tags":["b","c"]}""", state.Payload);
        Assert.Equal(3, state.Version);
        Assert.Equal(19 + 1 + 26 + 1, state.ChangeBytes);
        Assert.Equal("""{"tags":["+",1,["b","c"]]}""" + "\n" + """{"balance":["=",7]}""" + "\n|7|3", await ScalarAsync<string>(
            "SELECT changes || '|' || balance || '|' || version FROM test_wallets WHERE wallet_key = $1", key.GrainId.Key));
        Assert.Equal("""1|{"balance":5,"tags":["a"]}""", await ScalarAsync<string>(
            "SELECT version || '|' || payload FROM test_wallet_snapshots WHERE wallet_key = $1", key.GrainId.Key));
        Assert.Equal(1L, await CountAsync("test_ledger", key));
    }

    [Fact]
    public async Task WriteAsync_SnapshotTableSnapshotAfterChanges_ReplacesSnapshotAndEmptiesChanges()
    {
        await using var store = CreateStore();
        var (key, version) = await WalletWithOneChangeAsync(store);

        var snapshot = await store.WriteAsync(new StateWrite(key, Json("""{"balance":9}"""), version, columns: WalletColumns(9)));
        var state = await store.ReadAsync(key);

        Assert.Equal(3, snapshot);
        Assert.Equal(3, state.Version);
        AssertJson("""{"balance":9}""", state.Payload);
        Assert.Equal(0, state.ChangeBytes);
        Assert.Equal("<null>|9", await ScalarAsync<string>(
            "SELECT coalesce(changes, '<null>') || '|' || balance FROM test_wallets WHERE wallet_key = $1", key.GrainId.Key));
        Assert.Equal("""3|{"balance":9}""", await ScalarAsync<string>(
            "SELECT version || '|' || payload FROM test_wallet_snapshots WHERE wallet_key = $1", key.GrainId.Key));
    }

    [Fact]
    public async Task WriteAsync_SnapshotTableStaleVersion_ChangesNeitherRowNorSnapshot()
    {
        await using var store = CreateStore();
        var (key, _) = await WalletWithOneChangeAsync(store);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(
            new StateWrite(key, null, 1, [LedgerRow(key, 1, 94)], WalletColumns(100), Json("""{"balance":["=",100]}"""))));
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(
            new StateWrite(key, Json("""{"balance":100}"""), 1, columns: WalletColumns(100))));
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(
            new StateWrite(key, Json("""{"balance":1}"""), 0, columns: WalletColumns(1))));

        AssertJson("""{"balance":6}""", (await store.ReadAsync(key)).Payload);
        Assert.Equal("""{"balance":["=",6]}""" + "\n|6|2", await ScalarAsync<string>(
            "SELECT changes || '|' || balance || '|' || version FROM test_wallets WHERE wallet_key = $1", key.GrainId.Key));
        Assert.Equal("""1|{"balance":5}""", await ScalarAsync<string>(
            "SELECT version || '|' || payload FROM test_wallet_snapshots WHERE wallet_key = $1", key.GrainId.Key));
        Assert.Equal(0L, await CountAsync("test_ledger", key));
    }

    [Fact]
    public async Task WriteAsync_SnapshotTableCleared_ReadsAsClearedAtItsVersion()
    {
        await using var store = CreateStore();
        var (key, version) = await WalletWithOneChangeAsync(store);

        var cleared = await store.WriteAsync(new StateWrite(key, null, version));

        Assert.Equal(3, cleared);
        Assert.Equal(new StoredState(null, 3), await store.ReadAsync(key));
        Assert.Equal(StoredState.Missing, await store.ReadAsync(NewWalletKey()));
    }

    [Theory]
    [InlineData("UPDATE test_wallets SET changes = changes || '{}' || E'\\n' WHERE wallet_key = $1")]
    [InlineData("DELETE FROM test_wallet_snapshots WHERE wallet_key = $1")]
    public async Task ReadAsync_SnapshotTableChangesNotMatchingTheVersions_ThrowsInsteadOfLoadingAnotherState(string damage)
    {
        await using var store = CreateStore();
        var (key, _) = await WalletWithOneChangeAsync(store);
        await ScalarAsync<int>(damage + " RETURNING 1", key.GrainId.Key);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync(key));

        Assert.Contains("the stored state is incomplete", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateWrite_ChangeWithoutSnapshotTableOrWithPayloadOrFirst_IsRejected()
    {
        var change = Json("""{"balance":["=",1]}""");

        var plainTable = Assert.Throws<ArgumentException>(() => new StateWrite(NewAccountKey(), null, 1, change: change));
        var withPayload = Assert.Throws<ArgumentException>(() => new StateWrite(NewWalletKey(), Json("{}"), 1, change: change));
        var first = Assert.Throws<ArgumentException>(() => new StateWrite(NewWalletKey(), null, 0, change: change));

        Assert.Contains("stored whole on every write", plainTable.Message, StringComparison.Ordinal);
        Assert.Equal(("change", "change"), (withPayload.ParamName, first.ParamName));
        Assert.Throws<ArgumentException>(() => new StateTable("wallets", "wallet_key") { SnapshotTable = "wallet snapshots" });
    }

    /// <summary>A wallet stored as its snapshot <c>{"balance":5}</c> (version 1) and one change to 6 (version 2).</summary>
    private static async Task<(GrainStateKey Key, long Version)> WalletWithOneChangeAsync(PostgresGrainStateStore store)
    {
        var key = NewWalletKey();
        var version = await store.WriteAsync(new StateWrite(key, Json("""{"balance":5}"""), 0, columns: WalletColumns(5)));
        return (key, await store.WriteAsync(new StateWrite(key, null, version, columns: WalletColumns(6), change: Json("""{"balance":["=",6]}"""))));
    }

    private static GrainStateKey NewWalletKey() => new(GrainId.Create("test-wallet", Guid.NewGuid()), "wallet") { Table = Wallets };

    private static IReadOnlyList<KeyValuePair<string, object?>> WalletColumns(long balance) => [new("balance", balance)];

    private static IReadOnlyList<KeyValuePair<string, object?>> WalletColumns(long balance, DateOnly? opened) =>
        [new("balance", balance), new("opened", TypedNull.Of(opened))];
}
