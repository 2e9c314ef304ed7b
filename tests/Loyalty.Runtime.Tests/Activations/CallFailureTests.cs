using Loyalty.Runtime.Core;
using Loyalty.Runtime.Tests.TestGrains;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Runtime.Tests.Activations;

public sealed class CallFailureTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private readonly GrainProbe _probe = new();
    private readonly ManualTimeProvider _time = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(
            database.ConnectionString,
            typeof(GateGrain).Assembly,
            _time,
            new Dictionary<string, string?> { ["Loyalty:Runtime:SiloName"] = "silo-under-test" },
            s => s.AddSingleton(_probe));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task CallAlongAsync_CycleBetweenNonReentrantGrains_FailsAtOnceNamingTheChain()
    {
        var (a, b) = (NewKey(), NewKey());
        var grain = _silo.GrainFactory.GetGrain<IChainGrain>(a);

        // The clock never moves, so only cycle detection can end this call.
        var error = await Assert.ThrowsAsync<CallCycleException>(() => grain.CallAlongAsync([b, a]));

        Assert.Contains($"chain/{a}.CallAlongAsync → chain/{b}.CallAlongAsync → chain/{a}.CallAlongAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("silo-under-test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAlongAsync_GrainCallsItself_FailsAtOnce()
    {
        var a = NewKey();

        await Assert.ThrowsAsync<CallCycleException>(() => _silo.GrainFactory.GetGrain<IChainGrain>(a).CallAlongAsync([a]));
    }

    [Fact]
    public async Task CallAlongAsync_CycleClosedByAlwaysInterleaveCall_Completes()
    {
        var (a, b) = (NewKey(), NewKey());

        var visited = await _silo.GrainFactory.GetGrain<IChainGrain>(a).CallAlongAsync([b, ChainGrain.Interleaved, a]);

        Assert.Equal($"{a}>{b}>{a}", visited);
    }

    [Fact]
    public async Task CallAlongAsync_ChainWithoutCycle_Completes()
    {
        var (a, b, c) = (NewKey(), NewKey(), NewKey());

        Assert.Equal($"{a}>{b}>{c}", await _silo.GrainFactory.GetGrain<IChainGrain>(a).CallAlongAsync([b, c]));
    }

    [Fact]
    public async Task WaitAsync_PastItsDeadline_FailsNamingGrainMethodAndSilo()
    {
        var key = NewKey();
        var call = _silo.GrainFactory.GetGrain<IGateGrain>(key).WaitAsync($"{key}-never");
        await Eventually.TrueAsync(() => _probe.For(GrainId.Create("gate", key)).Log.Count == 1, "the call entered the grain");

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Contains($"gate/{key}.WaitAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("silo-under-test", error.Message, StringComparison.Ordinal);
        _probe.Gate($"{key}-never").SetResult();
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
