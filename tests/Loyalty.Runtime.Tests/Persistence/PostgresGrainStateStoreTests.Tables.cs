using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>States stored in a table of their own, with the columns they derive from themselves.</summary>
public sealed partial class PostgresGrainStateStoreTests
{
    private static readonly StateTable Accounts = new("test_accounts", "account_key");

    [Fact]
    public async Task WriteAsync_StateTable_InsertThenUpdateWritesStateAndDerivedColumnsInOneRow()
    {
        await using var store = CreateStore();
        var key = NewAccountKey();

        var first = await store.WriteAsync(new StateWrite(key, Json("""{"balance":5}"""), 0, columns: AccountColumns(5, "Zoë")));
        _time.SetUtcNow(Now.AddMinutes(3));
        var second = await store.WriteAsync(new StateWrite(key, Json("""{"balance":7}"""), first, columns: AccountColumns(7, null)));
        var state = await store.ReadAsync(key);

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal(2, state.Version);
        AssertJson("""{"balance":7}""", state.Payload);
        Assert.Equal("7|<null>|2", await ScalarAsync<string>(
            "SELECT balance || '|' || coalesce(owner, '<null>') || '|' || version FROM test_accounts WHERE account_key = $1", key.GrainId.Key));
        Assert.Equal(Now.AddMinutes(3), await ScalarAsync<DateTimeOffset>("SELECT modified_at FROM test_accounts WHERE account_key = $1", key.GrainId.Key));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE grain_key = $1", key.GrainId.Key));
    }

    [Fact]
    public async Task WriteAsync_StateTableStaleVersion_ThrowsInconsistentStateAndChangesNothing()
    {
        await using var store = CreateStore();
        var key = NewAccountKey();
        var version = await store.WriteAsync(new StateWrite(key, Json("""{"balance":5}"""), 0, columns: AccountColumns(5, "Ana")));
        await store.WriteAsync(new StateWrite(key, Json("""{"balance":6}"""), version, columns: AccountColumns(6, "Ana")));

        var stale = new StateWrite(key, Json("""{"balance":100}"""), version, [LedgerRow(key, 1, 94)], AccountColumns(100, "Eve"));
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(stale));
        var stateless = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(
            new StateWrite(key, Json("""{"balance":1}"""), 0, columns: AccountColumns(1, "Eve"))));

        Assert.Equal((key, 1L), (exception.Key, exception.ExpectedVersion));
        Assert.Equal((key, 0L), (stateless.Key, stateless.ExpectedVersion));
        Assert.Equal(2, (await store.ReadAsync(key)).Version);
        Assert.Equal("6|Ana", await ScalarAsync<string>("SELECT balance || '|' || owner FROM test_accounts WHERE account_key = $1", key.GrainId.Key));
        Assert.Equal(0L, await CountAsync("test_ledger", key));
    }

    [Fact]
    public async Task WriteAsync_StateTableCleared_KeepsRowVersionAndColumnsAndNeverWrittenStaysAbsent()
    {
        await using var store = CreateStore();
        var key = NewAccountKey();
        var version = await store.WriteAsync(new StateWrite(key, Json("""{"balance":5}"""), 0, columns: AccountColumns(5, "Ana")));

        var cleared = await store.WriteAsync(new StateWrite(key, null, version));
        var neverWritten = NewAccountKey();
        var clearedNever = await store.WriteAsync(new StateWrite(neverWritten, null, 0));

        Assert.Equal(2, cleared);
        Assert.Equal(new StoredState(null, 2), await store.ReadAsync(key));
        Assert.Equal("5|Ana", await ScalarAsync<string>("SELECT balance || '|' || owner FROM test_accounts WHERE account_key = $1", key.GrainId.Key));
        Assert.Equal(0, clearedNever);
        Assert.Equal(StoredState.Missing, await store.ReadAsync(neverWritten));
    }

    [Fact]
    public void StateWrite_ColumnsTheStoreOwnsOrWithoutStateTable_AreRejected()
    {
        var key = NewAccountKey();

        var onGrainState = Assert.Throws<ArgumentException>(() => new StateWrite(NewKey(), Json("{}"), 0, columns: AccountColumns(1, null)));
        var version = Assert.Throws<ArgumentException>(() => new StateWrite(key, Json("{}"), 0, columns: [new("version", 9L)]));
        var keyColumn = Assert.Throws<ArgumentException>(() => new StateWrite(key, Json("{}"), 0, columns: [new("account_key", "x")]));
        var cleared = Assert.Throws<ArgumentException>(() => new StateWrite(key, null, 1, columns: AccountColumns(1, null)));
        var unsafeName = Assert.Throws<ArgumentException>(() => new StateWrite(key, Json("{}"), 0, columns: [new("balance; drop table x", 1L)]));

        Assert.Equal("columns", onGrainState.ParamName);
        Assert.Contains("written by the store itself", version.Message, StringComparison.Ordinal);
        Assert.Contains("written by the store itself", keyColumn.Message, StringComparison.Ordinal);
        Assert.Contains("cleared state", cleared.Message, StringComparison.Ordinal);
        Assert.Contains("not a plain lower-case SQL identifier", unsafeName.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new StateTable("accounts", "version"));
    }

    private static GrainStateKey NewAccountKey() => new(GrainId.Create("test-account", Guid.NewGuid()), "account") { Table = Accounts };

    private static IReadOnlyList<KeyValuePair<string, object?>> AccountColumns(long balance, string? owner) =>
        [new("balance", balance), new("owner", owner)];
}
