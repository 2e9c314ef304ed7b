using System.Text;
using System.Text.Json.Nodes;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Persistence;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Tests.Persistence;

public sealed partial class PostgresGrainStateStoreTests : IClassFixture<StoreTestDatabase>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 0, TimeSpan.Zero);

    private readonly StoreTestDatabase _database;
    private readonly RuntimeMetrics _metrics = new();
    private readonly StorageMetricsRecorder _metricsRecorder;
    private readonly ManualTimeProvider _time = new(Now);

    public PostgresGrainStateStoreTests(StoreTestDatabase database)
    {
        _database = database;
        _metricsRecorder = new StorageMetricsRecorder(_metrics);
    }

    [Fact]
    public async Task ReadAsync_NoRow_ReturnsMissingWithVersionZero()
    {
        await using var store = CreateStore();

        var state = await store.ReadAsync(NewKey());

        Assert.Null(state.Payload);
        Assert.Equal(0, state.Version);
    }

    [Fact]
    public async Task WriteAsync_InsertThenUpdate_IncrementsVersionAndStoresPayload()
    {
        await using var store = CreateStore();
        var key = NewKey();

        var first = await store.WriteAsync(new StateWrite(key, Json("""{"stamps":1}"""), 0));
        _time.SetUtcNow(Now.AddMinutes(5));
        var second = await store.WriteAsync(new StateWrite(key, Json("""{"stamps":2,"name":"Zoë"}"""), first));
        var state = await store.ReadAsync(key);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(2, state.Version);
        AssertJson("""{"stamps":2,"name":"Zoë"}""", state.Payload);
        Assert.Equal(Now.AddMinutes(5), await ScalarAsync<DateTimeOffset>("SELECT modified_at FROM grain_state WHERE grain_key = $1", key.GrainId.Key));
    }

    [Fact]
    public async Task WriteAsync_LargeState_IsStoredAsWrittenLz4CompressedAndReadsBackWhole()
    {
        await using var store = CreateStore();
        var key = NewKey();
        var items = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $$"""{"n":{{i}},"kind":"stamp"}"""));
        var payload = $$"""{"items":[{{items}}]}""";

        var version = await store.WriteAsync(new StateWrite(key, Json(payload), 0));
        var state = await store.ReadAsync(key);

        Assert.Equal(1, version);
        AssertJson(payload, state.Payload);
        Assert.Equal("lz4", await ScalarAsync<string>("SELECT pg_column_compression(payload) FROM grain_state WHERE grain_key = $1", key.GrainId.Key));

        // Stored byte for byte as written: the server keeps the text and does not parse it (jsonb would re-space it).
        Assert.Equal(payload, await ScalarAsync<string>("SELECT payload FROM grain_state WHERE grain_key = $1", key.GrainId.Key));
    }

    [Fact]
    public async Task WriteAsync_SameKeyOtherGrainTypeOrStateName_StoredSeparately()
    {
        await using var store = CreateStore();
        var key = NewKey();
        var otherType = new GrainStateKey(GrainId.Create("test-other", key.GrainId.Key), key.StateName);
        var otherName = key with { StateName = "other" };

        await store.WriteAsync(new StateWrite(key, Json("1"), 0));
        await store.WriteAsync(new StateWrite(otherType, Json("2"), 0));
        await store.WriteAsync(new StateWrite(otherName, Json("3"), 0));

        AssertJson("1", (await store.ReadAsync(key)).Payload);
        AssertJson("2", (await store.ReadAsync(otherType)).Payload);
        AssertJson("3", (await store.ReadAsync(otherName)).Payload);
    }

    [Fact]
    public async Task WriteAsync_StaleExpectedVersion_ThrowsInconsistentStateAndSkipsRows()
    {
        await using var store = CreateStore();
        var key = NewKey();
        await store.WriteAsync(new StateWrite(key, Json("1"), 0));
        await store.WriteAsync(new StateWrite(key, Json("2"), 1));

        var stale = new StateWrite(key, Json("3"), 1, [LedgerRow(key, 1, 100), ReadModelRow(key, 100)]);
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(stale));

        Assert.Equal(key, exception.Key);
        Assert.Equal(1, exception.ExpectedVersion);
        var state = await store.ReadAsync(key);
        Assert.Equal(2, state.Version);
        AssertJson("2", state.Payload);
        Assert.Equal(0, await CountAsync("test_ledger", key));
        Assert.Equal(0, await CountAsync("test_read_model", key));
        Assert.Equal(1, _metricsRecorder.Conflicts);
    }

    [Fact]
    public async Task WriteAsync_ExpectingZeroWhenRowExists_ThrowsInconsistentState()
    {
        await using var store = CreateStore();
        var key = NewKey();
        await store.WriteAsync(new StateWrite(key, Json("1"), 0));

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(new StateWrite(key, Json("2"), 0, [LedgerRow(key, 1, 5)])));

        Assert.Equal(1, (await store.ReadAsync(key)).Version);
        Assert.Equal(0, await CountAsync("test_ledger", key));
    }

    [Fact]
    public async Task WriteAsync_NullPayload_KeepsRowAndBumpsVersionSoPreClearVersionConflicts()
    {
        await using var store = CreateStore();
        var key = NewKey();
        await store.WriteAsync(new StateWrite(key, Json("""{"a":1}"""), 0));

        var cleared = await store.WriteAsync(new StateWrite(key, null, 1));
        var state = await store.ReadAsync(key);

        Assert.Equal(2, cleared);
        Assert.Null(state.Payload);
        Assert.Equal(2, state.Version);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(new StateWrite(key, Json("""{"a":9}"""), 1)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(new StateWrite(key, Json("""{"a":9}"""), 0)));
        Assert.Equal(3, await store.WriteAsync(new StateWrite(key, Json("""{"a":2}"""), 2)));
    }

    [Fact]
    public async Task WriteAsync_WithRows_InsertsRowsAndUpsertUpdatesExistingRow()
    {
        await using var store = CreateStore();
        var key = NewKey();

        await store.WriteAsync(new StateWrite(key, Json("1"), 0, [LedgerRow(key, 1, 10), ReadModelRow(key, 10)]));
        _time.SetUtcNow(Now.AddHours(1));
        await store.WriteAsync(new StateWrite(key, Json("2"), 1, [LedgerRow(key, 2, 15), ReadModelRow(key, 25)]));

        Assert.Equal(2, await CountAsync("test_ledger", key));
        Assert.Equal(15L, await ScalarAsync<long>("SELECT amount FROM test_ledger WHERE grain_key = $1 AND entry_no = 2", key.GrainId.Key));
        Assert.Equal(1, await CountAsync("test_read_model", key));
        Assert.Equal(25L, await ScalarAsync<long>("SELECT balance FROM test_read_model WHERE grain_key = $1", key.GrainId.Key));
        Assert.Equal(Now.AddHours(1), await ScalarAsync<DateTimeOffset>("SELECT updated_at FROM test_read_model WHERE grain_key = $1", key.GrainId.Key));
    }

    public void Dispose()
    {
        _metricsRecorder.Dispose();
        _metrics.Dispose();
    }

    private PostgresGrainStateStore CreateStore(NpgsqlDataSource? dataSource = null, Action<PersistenceOptions>? configure = null)
    {
        var options = new PersistenceOptions { ServiceId = "store-tests" };
        configure?.Invoke(options);
        return new PostgresGrainStateStore(
            dataSource ?? _database.DataSource, Options.Create(options), _time, _metrics, NullLogger<PostgresGrainStateStore>.Instance);
    }

    private static GrainStateKey NewKey() => new(GrainId.Create("test-card", Guid.NewGuid()), "state");

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private static void AssertJson(string expected, byte[]? actual)
    {
        Assert.NotNull(actual);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actualNode), $"Expected {expected}, got {actualNode?.ToJsonString()}");
    }

    private static StorageRow LedgerRow(GrainStateKey key, int entryNo, long amount) => StorageRow.Insert(
        "test_ledger", new("grain_key", key.GrainId.Key), new("entry_no", entryNo), new("amount", amount), new("note", null));

    private StorageRow ReadModelRow(GrainStateKey key, long balance) => StorageRow.Upsert(
        "test_read_model", ["grain_key"], new("grain_key", key.GrainId.Key), new("balance", balance), new("updated_at", _time.GetUtcNow()));

    private async Task<long> CountAsync(string table, GrainStateKey key) =>
        await ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE grain_key = $1", key.GrainId.Key);

    private async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<T>(0);
    }
}
