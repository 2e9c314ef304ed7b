using System.Text;
using Loyalty.Database.Tests.Fixtures;
using Loyalty.Database.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Loyalty.Database.Tests.Orleans;

/// <summary>Orleans' AdoNetGrainStorage against our OrleansStorage table and queries.</summary>
public sealed class GrainStorageTests(DatabaseClusterFixture fixture) : IClassFixture<DatabaseClusterFixture>
{
    private const string VersionAndName = "Version || ' ' || (convert_from(PayloadBinary, 'UTF8')::jsonb ->> 'Name')";

    [Fact]
    public async Task WriteStateAsync_NewState_IsReadBackByTheNextActivation()
    {
        var key = NewKey();
        var grain = fixture.GrainFactory.GetGrain<IProfileGrain>(key);
        Assert.Equal(new ProfileSnapshot(string.Empty, 0, null, false), await grain.ReadAsync());

        Assert.Equal(new ProfileSnapshot("Ada", 1, "1", true), await grain.WriteAsync("Ada"));
        Assert.Equal(new ProfileSnapshot("Ada Lovelace", 2, "2", true), await grain.WriteAsync("Ada Lovelace"));
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(new ProfileSnapshot("Ada Lovelace", 2, "2", true), await grain.ReadAsync());
    }

    [Fact]
    public async Task ClearStateAsync_WrittenState_EmptiesItAndKeepsCountingVersions()
    {
        var key = NewKey();
        var grain = fixture.GrainFactory.GetGrain<IProfileGrain>(key);
        await grain.WriteAsync("Grace");

        Assert.Equal(new ProfileSnapshot(string.Empty, 0, "2", false), await grain.ClearAsync());
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(new ProfileSnapshot(string.Empty, 0, "2", false), await grain.ReadAsync());
        Assert.Equal(new ProfileSnapshot("Grace Hopper", 1, "3", true), await grain.WriteAsync("Grace Hopper"));

        Assert.Equal(["3 true"], await RowsAsync(key, "Version || ' ' || (PayloadBinary IS NOT NULL)"));
    }

    [Fact]
    public async Task WriteStateAsync_TwoActivationsWriteFromOneVersion_SecondGetsInconsistentStateException()
    {
        // Two grain classes with one state name and key share a row: two activations of one state, as after a crash.
        var key = NewKey();
        var first = fixture.GrainFactory.GetGrain<IProfileGrain>(key);
        var second = fixture.GrainFactory.GetGrain<IProfileTwinGrain>(key);
        await first.WriteAsync("one");
        Assert.Equal(new ProfileSnapshot("one", 1, "1", true), await second.ReadAsync());

        Assert.Equal(new ProfileSnapshot("first wins", 2, "2", true), await first.WriteAsync("first wins"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.WriteAsync("second loses"));

        // The failed write changed nothing, and the loser's next activation reloads and writes on top.
        Assert.Equal(["2 first wins"], await RowsAsync(key, VersionAndName));
        await fixture.Cluster.DeactivateAsync(second);
        Assert.Equal(new ProfileSnapshot("second retried", 3, "3", true), await second.WriteAsync("second retried"));
    }

    [Fact]
    public async Task WriteStateAsync_TwoActivationsCreateTheStateAtOnce_ExactlyOneSucceeds()
    {
        var key = NewKey();
        var grainId = fixture.GrainFactory.GetGrain<IProfileGrain>(key).GetGrainId();
        var storage = Storage();
        var states = Enumerable.Range(0, 8)
            .Select(i => new GrainState<ProfileState>(new ProfileState { Name = $"writer {i}", Writes = 1 }))
            .ToList();

        var outcomes = await Task.WhenAll(states.Select(async state =>
        {
            try
            {
                await storage.WriteStateAsync(ProfileGrainBase.StateName, grainId, state);
                return "written";
            }
            catch (InconsistentStateException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "conflict", "conflict", "conflict", "conflict", "conflict", "conflict", "written"], outcomes.Order());
        var winner = states.Single(state => state.ETag is not null);
        Assert.Equal("1", winner.ETag);
        Assert.Equal([$"1 {winner.State!.Name}"], await RowsAsync(key, VersionAndName));
    }

    [Fact]
    public async Task ClearStateAsync_StaleVersion_ThrowsInconsistentStateExceptionAndKeepsTheState()
    {
        var key = NewKey();
        var grainId = fixture.GrainFactory.GetGrain<IProfileGrain>(key).GetGrainId();
        var storage = Storage();
        var stale = new GrainState<ProfileState>(new ProfileState { Name = "v1" });
        await storage.WriteStateAsync(ProfileGrainBase.StateName, grainId, stale);
        var current = new GrainState<ProfileState>();
        await storage.ReadStateAsync(ProfileGrainBase.StateName, grainId, current);
        current.State!.Name = "v2";
        await storage.WriteStateAsync(ProfileGrainBase.StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(ProfileGrainBase.StateName, grainId, stale));

        Assert.Equal(["2 v2"], await RowsAsync(key, VersionAndName));
    }

    [Fact]
    public async Task WriteStateAsync_IntegerAndGuidKeys_KeepOneRowPerKey()
    {
        // Integer and Guid keys have no string part: the null extension must still identify one row.
        var storage = Storage();
        var integerKey = Random.Shared.NextInt64(1, long.MaxValue);
        var guidKey = Guid.NewGuid();
        GrainId[] ids =
        [
            GrainId.Create(GrainType.Create("test-integer"), GrainIdKeyExtensions.CreateIntegerKey(integerKey)),
            GrainId.Create(GrainType.Create("test-guid"), GrainIdKeyExtensions.CreateGuidKey(guidKey)),
            GrainId.Create(GrainType.Create("test-guid"), GrainIdKeyExtensions.CreateGuidKey(guidKey, "extension")),
        ];

        foreach (var id in ids)
        {
            await storage.WriteStateAsync("keys", id, new GrainState<ProfileState>(new ProfileState { Name = id.ToString() }));
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => storage.WriteStateAsync("keys", id, new GrainState<ProfileState>(new ProfileState { Name = "second creator" })));
        }

        var read = new List<string>();
        foreach (var id in ids)
        {
            var state = new GrainState<ProfileState>();
            await storage.ReadStateAsync("keys", id, state);
            read.Add($"{state.State!.Name} {state.ETag}");
        }

        Assert.Equal(ids.Select(id => $"{id} 1"), read);
    }

    [Fact]
    public async Task WriteStateAsync_DefaultSerializer_StoresJsonWithTheStateTypeName()
    {
        var key = NewKey();
        await fixture.GrainFactory.GetGrain<IProfileGrain>(key).WriteAsync("Edsger");

        Assert.Equal(
            ["""{"$id":"1","$type":"Loyalty.Database.Tests.TestGrains.ProfileState, Loyalty.Database.Tests","Name":"Edsger","Writes":1}"""],
            await RowsAsync(key, "convert_from(PayloadBinary, 'UTF8')"));
    }

    private static string NewKey() => $"profile-{Guid.NewGuid():N}";

    private IGrainStorage Storage() =>
        fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("Default");

    private Task<List<string>> RowsAsync(string key, string expression) =>
        Sql.QueryAsync(
            fixture.ConnectionString,
            $"SELECT {expression} FROM OrleansStorage WHERE GrainTypeString = $1 AND GrainIdExtensionString = $2",
            r => r.GetString(0),
            ProfileGrainBase.StateName,
            key);
}
