using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Activations;

public sealed class CounterGrainTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>
{
    [Fact]
    public async Task IncrementAsync_ThousandConcurrentCalls_StoresExactlyThousand()
    {
        await using var silo = await StartSiloAsync(new GrainProbe());
        var key = Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => grain.IncrementAsync()));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        Assert.Equal(1000, await grain.GetAsync());
        Assert.Equal(1000, await database.StoredCountAsync("counter", key));
        Assert.Equal(1000, await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = $1", key));
    }

    [Fact]
    public async Task IncrementAsync_CoalescingGrainUnderThousandConcurrentCalls_CommitsEveryCallWithItsRow()
    {
        await using var silo = await StartSiloAsync(new GrainProbe());
        var key = Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<ICoalescingCounterGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => grain.IncrementAsync()));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        Assert.Equal(1000, await database.StoredCountAsync("coalescingcounter", key));
        Assert.Equal(1000, await database.ScalarAsync<long>("SELECT count(*) FROM test_ledger WHERE grain_key = $1", key));
        Assert.Equal(1000, await database.ScalarAsync<long>("SELECT max(count_after) FROM test_ledger WHERE grain_key = $1", key));
        Assert.Equal(1000, await database.ScalarAsync<long>("SELECT count FROM test_counter_view WHERE grain_key = $1", key));
    }

    [Fact]
    public async Task WhenWrittenAsync_AmongConcurrentIncrementsAndWhenIdle_CompletesAndWritesNothingItself()
    {
        await using var silo = await StartSiloAsync(new GrainProbe());
        var key = Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<ICoalescingCounterGrain>(key);

        var increments = Enumerable.Range(0, 300).Select(_ => grain.IncrementAsync()).ToList();
        // Called while writes are staged and in flight: each waits for them (the turn is given up meanwhile).
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.CountWhenWrittenAsync()));
        await Task.WhenAll(increments);
        var version = await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = $1", key);
        var idle = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.CountWhenWrittenAsync()));

        Assert.All(idle, count => Assert.Equal(300, count));
        Assert.Equal(version, await database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = $1", key));
        Assert.Equal(300, await database.StoredCountAsync("coalescingcounter", key));
    }

    [Fact]
    public async Task WriteStateAsync_CoalescingGrainWhoseStateCannotBeSerialized_FailsTheCallInsteadOfLeavingItWaiting()
    {
        await using var silo = await StartSiloAsync(new GrainProbe());
        var grain = silo.GrainFactory.GetGrain<IUnserializableStateGrain>(Guid.NewGuid().ToString("N"));

        // Before, the flush loop threw before it took the staged write: the call waited until its deadline.
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(grain.BreakAndWriteAsync);

        Assert.Equal("This state cannot be serialized.", exception.Message);
    }

    [Fact]
    public async Task IncrementAsync_TwoActivationsOfOneGrain_ConflictDeactivatesAndRetriesLoseNothing()
    {
        var probe = new GrainProbe();
        await using var first = await StartSiloAsync(probe);
        await using var second = await StartSiloAsync(probe);
        var key = Guid.NewGuid().ToString("N");
        var onFirst = first.GrainFactory.GetGrain<ICounterGrain>(key);
        var onSecond = second.GrainFactory.GetGrain<ICounterGrain>(key);

        // Both activations load version 0; the first writes; the second's write is then stale.
        Assert.Equal(0, await onFirst.GetAsync());
        Assert.Equal(0, await onSecond.GetAsync());
        Assert.Equal(1, await onFirst.IncrementAsync());
        await Assert.ThrowsAsync<InconsistentStateException>(onSecond.IncrementAsync);
        Assert.Equal(2, await onSecond.IncrementAsync());
        Assert.Equal(3, probe.For(new Core.GrainId("counter", key)).Activations);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => IncrementWithRetryAsync(i % 2 == 0 ? onFirst : onSecond)));

        Assert.Equal(402, await database.StoredCountAsync("counter", key));
        Assert.Equal(Enumerable.Range(3, 400).Select(i => (long)i), results.Order());
    }

    [Fact]
    public async Task StopAsync_WithCallsInFlight_AnswersThemAndFlushesState()
    {
        var silo = await StartSiloAsync(new GrainProbe());
        var key = Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<ICoalescingCounterGrain>(key);

        var calls = Enumerable.Range(0, 200).Select(_ => grain.IncrementAsync()).ToList();
        await silo.DisposeAsync();

        var results = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Order());
        Assert.Equal(200, await database.StoredCountAsync("coalescingcounter", key));
    }

    private static async Task<long> IncrementWithRetryAsync(ICounterGrain grain)
    {
        while (true)
        {
            try
            {
                return await grain.IncrementAsync();
            }
            catch (InconsistentStateException)
            {
                // The activation that failed was deactivated; the retry reaches a fresh one with the stored state.
            }
        }
    }

    private Task<TestSilo> StartSiloAsync(GrainProbe probe) =>
        TestSilo.StartAsync(database.ConnectionString, typeof(CounterGrain).Assembly, configureServices: s => s.AddSingleton(probe));
}
