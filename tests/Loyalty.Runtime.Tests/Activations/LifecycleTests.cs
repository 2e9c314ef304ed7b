using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Activations;

public sealed class LifecycleTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private readonly GrainProbe _probe = new();
    private readonly ManualTimeProvider _time = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database.ConnectionString, typeof(CounterGrain).Assembly, _time, configureServices: s => s.AddSingleton(_probe));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task IdleCollection_AfterCollectionAge_DeactivatesAndNextCallReloadsState()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>(key);
        var events = _probe.For(GrainId.Create("counter", key));
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Empty(events.Deactivations);
        _time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => events.Deactivations.Count == 1, "the idle grain was collected");

        Assert.Equal(DeactivationReason.IdleCollection, Assert.Single(events.Deactivations));
        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(2, events.Activations);
    }

    [Fact]
    public async Task IdleCollection_GrainCalledWithinAge_StaysActive()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();

        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            await grain.GetAsync();
        }

        Assert.Equal(1, _probe.For(GrainId.Create("counter", key)).Activations);
    }

    [Fact]
    public async Task DeactivateOnIdle_NextCall_ActivatesAgainWithStoredState()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();

        await grain.DeactivateAsync();
        var afterDeactivation = await grain.IncrementAsync();

        var events = _probe.For(GrainId.Create("counter", key));
        Assert.Equal(2, afterDeactivation);
        Assert.Equal(2, events.Activations);
        Assert.Equal(DeactivationReason.ApplicationRequested, Assert.Single(events.Deactivations));
    }

    [Fact]
    public async Task GrainTimer_Period_TicksAfterEachCompletedTick()
    {
        var key = NewKey();
        var id = GrainId.Create("timer", key);
        var grain = _silo.GrainFactory.GetGrain<ITimerGrain>(key);
        var events = _probe.For(id);
        await grain.StartAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), keepAlive: false);

        await AdvanceAsync(TimeSpan.FromSeconds(4), id);
        Assert.Empty(events.Log);
        await AdvanceAsync(TimeSpan.FromSeconds(1), id);
        Assert.Single(events.Log);
        await AdvanceAsync(TimeSpan.FromSeconds(9), id);
        Assert.Single(events.Log);
        await AdvanceAsync(TimeSpan.FromSeconds(1), id);
        Assert.Equal(2, events.Log.Count);

        await grain.StopAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(30), id);
        Assert.Equal(2, events.Log.Count);
    }

    [Fact]
    public async Task GrainTimer_WithoutKeepAlive_DoesNotKeepGrainFromCollection()
    {
        var key = NewKey();
        var id = GrainId.Create("timer", key);
        var grain = _silo.GrainFactory.GetGrain<ITimerGrain>(key);
        var events = _probe.For(id);
        await grain.StartAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), keepAlive: false);

        for (var minute = 1; minute <= 16; minute++)
        {
            await AdvanceAsync(TimeSpan.FromMinutes(1), id);
        }

        Assert.Equal(DeactivationReason.IdleCollection, Assert.Single(events.Deactivations));
        var ticks = events.Log.Count;
        Assert.InRange(ticks, 14, 15);
        await AdvanceAsync(TimeSpan.FromMinutes(5), id);
        Assert.Equal(ticks, events.Log.Count);
    }

    [Fact]
    public async Task GrainTimer_WithKeepAlive_KeepsGrainActive()
    {
        var key = NewKey();
        var id = GrainId.Create("timer", key);
        var grain = _silo.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), keepAlive: true);

        for (var minute = 1; minute <= 30; minute++)
        {
            await AdvanceAsync(TimeSpan.FromMinutes(1), id);
        }

        Assert.Empty(_probe.For(id).Deactivations);
        Assert.Equal(30, _probe.For(id).Log.Count);
    }

    [Fact]
    public async Task OnActivateAsync_Throws_FailsTheCallAndTheNextCallActivatesAfresh()
    {
        var grain = _silo.GrainFactory.GetGrain<IFlakyActivationGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<GrainActivationException>(grain.GetActivationAttemptAsync);

        Assert.Contains("first activation fails", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await grain.GetActivationAttemptAsync());
    }

    [Fact]
    public async Task Call_AfterSiloStopped_FailsAsUnavailable()
    {
        // Same clock as the class's other silo: a silo on another clock would see it stop heartbeating.
        await using var silo = await TestSilo.StartAsync(database.ConnectionString, typeof(CounterGrain).Assembly, _time, configureServices: s => s.AddSingleton(_probe));
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(NewKey());
        await silo.StopAsync();

        await Assert.ThrowsAsync<SiloUnavailableException>(grain.IncrementAsync);
    }

    /// <summary>Moves the clock, then waits until the grain has finished whatever the move set off.</summary>
    private async Task AdvanceAsync(TimeSpan by, GrainId grainId)
    {
        _time.Advance(by);
        var runtime = _silo.Services.GetRequiredService<GrainRuntime>();
        await Eventually.TrueAsync(() => runtime.IsQuiescent(grainId), $"{grainId} is quiescent");
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
