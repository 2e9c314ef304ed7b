using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>A grain state stored as a snapshot plus the changes since, through its activation's persistent state.</summary>
public sealed class SnapshotStateGrainTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ExecuteAsync("""
        CREATE TABLE IF NOT EXISTS test_notebooks (
            notebook_key text PRIMARY KEY, version bigint NOT NULL, modified_at timestamptz NOT NULL, changes text NULL,
            note_count bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS test_notebook_snapshots (notebook_key text PRIMARY KEY, version bigint NOT NULL, payload text NULL);
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddAsync_Writes_AppendChangesUntilTheirBoundThenSnapshotAndTheNextSiloReadsTheSameState()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var silo = await StartSiloAsync())
        {
            var grain = silo.GrainFactory.GetGrain<INotebookGrain>(key);
            for (var i = 1; i <= 8; i++)
            {
                Assert.Equal(i, await grain.AddAsync($"n{i}"));
            }
        }

        await using var next = await StartSiloAsync();
        var view = await next.GrainFactory.GetGrain<INotebookGrain>(key).GetAsync();

        // Version 1 a snapshot (the first write), 2-3 changes (~45 bytes each, 100 at most), 4 a snapshot, 5-6 changes,
        // 7 a snapshot, 8 a change.
        Assert.Equal(8, view.Count);
        Assert.Equal(["n4", "n5", "n6", "n7", "n8"], view.Notes);
        Assert.Equal("8|8|1", await database.ScalarAsync<string>(
            "SELECT version || '|' || note_count || '|' || (length(changes) - length(replace(changes, E'\\n', ''))) FROM test_notebooks WHERE notebook_key = $1", key));
        Assert.Equal(7L, await database.ScalarAsync<long>("SELECT version FROM test_notebook_snapshots WHERE notebook_key = $1", key));
    }

    [Fact]
    public async Task AddAsync_TwoActivationsOfOneGrain_StaleChangesAreRefusedAndRetriesLoseNothing()
    {
        var key = Guid.NewGuid().ToString("N");
        await using var first = await StartSiloAsync();
        await using var second = await StartSiloAsync();
        var onFirst = first.GrainFactory.GetGrain<INotebookGrain>(key);
        var onSecond = second.GrainFactory.GetGrain<INotebookGrain>(key);

        // Both load version 1 (a snapshot); the first appends a change; the second's change is then stale.
        Assert.Equal(1, await onFirst.AddAsync("a"));
        Assert.Equal(1, (await onSecond.GetAsync()).Count);
        Assert.Equal(2, await onFirst.AddAsync("b"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => onSecond.AddAsync("stale"));
        Assert.Equal(3, await onSecond.AddAsync("c"));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => AddWithRetryAsync(i % 2 == 0 ? onFirst : onSecond, $"n{i}")));
        await using var third = await StartSiloAsync();
        var view = await third.GrainFactory.GetGrain<INotebookGrain>(key).GetAsync();

        Assert.Equal(Enumerable.Range(4, 200).Select(i => (long)i), results.Order());
        Assert.Equal(203, view.Count);
        Assert.DoesNotContain("stale", view.Notes);
        Assert.Equal(203L, await database.ScalarAsync<long>("SELECT note_count FROM test_notebooks WHERE notebook_key = $1", key));
    }

    [Fact]
    public async Task AddAsync_MutableStateStoredAsChanges_RefusesToActivate()
    {
        await using var silo = await StartSiloAsync();

        var exception = await Assert.ThrowsAsync<GrainActivationException>(() =>
            silo.GrainFactory.GetGrain<IMutableNotebookGrain>(Guid.NewGuid().ToString("N")).AddAsync("n1"));

        Assert.Contains("MutableNotebookState.Notes is a List`1", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<long> AddWithRetryAsync(INotebookGrain grain, string note)
    {
        while (true)
        {
            try
            {
                return await grain.AddAsync(note);
            }
            catch (InconsistentStateException)
            {
                // The activation that failed was deactivated; the retry reaches a fresh one with the stored state.
            }
        }
    }

    private Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(database.ConnectionString, typeof(NotebookGrain).Assembly, configureServices: s => s.AddSingleton(new GrainProbe()));
}
