using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>Row values of every supported kind, and option validation.</summary>
public sealed partial class PostgresGrainStateStoreTests
{
    [Fact]
    public async Task WriteAsync_RowWithEveryValueKind_StoresEachValue()
    {
        await using var store = CreateStore();
        var id = Guid.NewGuid();
        var instant = new DateTimeOffset(2026, 2, 3, 14, 0, 0, TimeSpan.FromHours(2));
        var row = StorageRow.Insert(
            "test_values",
            new("id", id),
            new("text_value", "Zoë"),
            new("int_value", 42),
            new("long_value", 5_000_000_000L),
            new("bool_value", true),
            new("instant", instant),
            new("amount", 12.34m),
            new("bytes", new byte[] { 1, 2, 3 }),
            new("document", new JsonbValue("""{"kind":"stamp","count":3}""")),
            new("missing", null));

        await store.WriteAsync(new StateWrite(NewKey(), Json("{}"), 0, [row]));

        Assert.Equal("Zoë", await ValueAsync<string>("text_value", id));
        Assert.Equal(42, await ValueAsync<int>("int_value", id));
        Assert.Equal(5_000_000_000L, await ValueAsync<long>("long_value", id));
        Assert.True(await ValueAsync<bool>("bool_value", id));
        Assert.Equal(instant, await ValueAsync<DateTimeOffset>("instant", id));
        Assert.Equal(12.34m, await ValueAsync<decimal>("amount", id));
        Assert.Equal([1, 2, 3], await ValueAsync<byte[]>("bytes", id));
        Assert.Equal(3, await ScalarAsync<int>("SELECT (document->>'count')::int FROM test_values WHERE id = $1", id));
        Assert.True(await ScalarAsync<bool>("SELECT missing IS NULL FROM test_values WHERE id = $1", id));
    }

    [Fact]
    public async Task WriteAsync_SeveralRowsOfOneShape_StoresEachRowsValues()
    {
        await using var store = CreateStore();
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var instant = new DateTimeOffset(2026, 2, 3, 14, 0, 0, TimeSpan.FromHours(2));
        var rows = ids.Select((id, i) => StorageRow.Insert(
            "test_values",
            new("id", id),
            new("text_value", i == 1 ? null : $"row {i}"),
            new("int_value", i == 1 ? TypedNull.Of<int>(null) : i),
            new("long_value", 5_000_000_000L + i),
            new("bool_value", i == 2),
            new("instant", instant.AddMinutes(i)),
            new("amount", 12.34m + i),
            new("bytes", new byte[] { (byte)i }),
            new("document", new JsonbValue("{\"count\":" + i + "}")),
            new("missing", TypedNull.Of<Guid>(null)))).ToList();

        await store.WriteAsync(new StateWrite(NewKey(), Json("{}"), 0, rows));

        Assert.Equal("row 2", await ValueAsync<string>("text_value", ids[2]));
        Assert.True(await ScalarAsync<bool>("SELECT text_value IS NULL AND int_value IS NULL FROM test_values WHERE id = $1", ids[1]));
        Assert.Equal(2, await ValueAsync<int>("int_value", ids[2]));
        Assert.Equal(5_000_000_002L, await ValueAsync<long>("long_value", ids[2]));
        Assert.True(await ValueAsync<bool>("bool_value", ids[2]));
        Assert.Equal(instant.AddMinutes(1), await ValueAsync<DateTimeOffset>("instant", ids[1]));
        Assert.Equal(14.34m, await ValueAsync<decimal>("amount", ids[2]));
        Assert.Equal([1], await ValueAsync<byte[]>("bytes", ids[1]));
        Assert.Equal(2, await ScalarAsync<int>("SELECT (document->>'count')::int FROM test_values WHERE id = $1", ids[2]));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM test_values WHERE id = ANY($1) AND missing IS NOT NULL", ids));
    }

    [Fact]
    public async Task WriteAsync_UpsertWhoseColumnsAreAllKeys_LeavesExistingRow()
    {
        await using var store = CreateStore();
        var id = Guid.NewGuid();
        await store.WriteAsync(new StateWrite(NewKey(), Json("{}"), 0, [StorageRow.Insert("test_values", new("id", id), new("int_value", 1))]));

        await store.WriteAsync(new StateWrite(NewKey(), Json("{}"), 0, [StorageRow.Upsert("test_values", ["id"], new KeyValuePair<string, object?>("id", id))]));

        Assert.Equal(1, await ValueAsync<int>("int_value", id));
    }

    [Theory]
    [InlineData("", 256, 4)]
    [InlineData("loyalty", 0, 4)]
    [InlineData("loyalty", 256, 0)]
    public void Constructor_InvalidOptions_Throws(string serviceId, int maxBatchSize, int maxConcurrentCommits)
    {
        var options = new PersistenceOptions { ServiceId = serviceId, MaxBatchSize = maxBatchSize, MaxConcurrentCommits = maxConcurrentCommits };

        Assert.Throws<OptionsValidationException>(() => new PostgresGrainStateStore(
            _database.DataSource, Options.Create(options), _time, _metrics, NullLogger<PostgresGrainStateStore>.Instance));
    }

    private Task<T> ValueAsync<T>(string column, Guid id) => ScalarAsync<T>($"SELECT {column} FROM test_values WHERE id = $1", id);
}
