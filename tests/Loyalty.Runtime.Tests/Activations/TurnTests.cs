using Loyalty.Runtime.Core;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Activations;

public sealed class TurnTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private readonly GrainProbe _probe = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database.ConnectionString, typeof(GateGrain).Assembly, configureServices: s => s.AddSingleton(_probe));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task WaitAsync_TwoCallsToNonReentrantGrain_RunOneAfterTheOther()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<IGateGrain>(key);
        var events = _probe.For(GrainId.Create("gate", key));

        var first = grain.WaitAsync($"{key}-1");
        var second = grain.WaitAsync($"{key}-2");
        await Eventually.TrueAsync(() => events.Log.Count == 1, "the first call entered");
        _probe.Gate($"{key}-2").SetResult();
        _probe.Gate($"{key}-1").SetResult();

        Assert.Equal($"{key}-1", await first);
        Assert.Equal($"{key}-2", await second);
        Assert.Equal([$"enter {key}-1", $"leave {key}-1", $"enter {key}-2", $"leave {key}-2"], events.Log);
        Assert.Equal(1, events.MaxConcurrent);
    }

    [Fact]
    public async Task ReadWaitAsync_TwoReadOnlyCalls_RunTogether()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<IGateGrain>(key);
        var events = _probe.For(GrainId.Create("gate", key));

        var first = grain.ReadWaitAsync($"{key}-1");
        var second = grain.ReadWaitAsync($"{key}-2");
        await Eventually.TrueAsync(() => events.Log.Count == 2, "both read-only calls entered");
        _probe.Gate($"{key}-1").SetResult();
        _probe.Gate($"{key}-2").SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(2, events.MaxConcurrent);
    }

    [Fact]
    public async Task ReadWaitAsync_WhileWriterRuns_WaitsForIt()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<IGateGrain>(key);
        var events = _probe.For(GrainId.Create("gate", key));

        var writer = grain.WaitAsync($"{key}-w");
        await Eventually.TrueAsync(() => events.Log.Count == 1, "the writer entered");
        var reader = grain.ReadWaitAsync($"{key}-r");
        _probe.Gate($"{key}-r").SetResult();
        _probe.Gate($"{key}-w").SetResult();
        await Task.WhenAll(writer, reader);

        Assert.Equal([$"enter {key}-w", $"leave {key}-w", $"enter {key}-r", $"leave {key}-r"], events.Log);
    }

    [Fact]
    public async Task PingAsync_AlwaysInterleaveWhileGrainIsBusy_Answers()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<IGateGrain>(key);
        var events = _probe.For(GrainId.Create("gate", key));

        var busy = grain.WaitAsync($"{key}-1");
        await Eventually.TrueAsync(() => events.Log.Count == 1, "the busy call entered");

        Assert.Equal("pong", await grain.PingAsync());
        Assert.False(busy.IsCompleted);
        _probe.Gate($"{key}-1").SetResult();
        await busy;
    }

    [Fact]
    public async Task WaitAsync_ReentrantGrain_InterleavesCalls()
    {
        var key = NewKey();
        var grain = _silo.GrainFactory.GetGrain<IReentrantGateGrain>(key);
        var events = _probe.For(GrainId.Create("reentrantgate", key));

        var first = grain.WaitAsync($"{key}-1");
        var second = grain.WaitAsync($"{key}-2");
        await Eventually.TrueAsync(() => events.MaxConcurrent == 2, "both calls entered the reentrant grain");
        _probe.Gate($"{key}-1").SetResult();
        _probe.Gate($"{key}-2").SetResult();

        Assert.Equal([$"{key}-1", $"{key}-2"], await Task.WhenAll(first, second));
    }

    [Fact]
    public async Task BumpAsync_ReentrantGrainUnderConcurrentCalls_NeverRunsTwoTurnsAtOnce()
    {
        var grain = _silo.GrainFactory.GetGrain<IReentrantGateGrain>(NewKey());

        var overlaps = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.BumpAsync(200)));

        Assert.All(overlaps, count => Assert.Equal(0, count));
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
