using Loyalty.Runtime.Activations;

namespace Loyalty.Bench.Grains;

/// <summary>No state, no I/O: measures the call path alone (proxy, message, turn, scheduler, completion).</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private long _calls;

    public Task<long> PingAsync(long value) => Task.FromResult(value + ++_calls);
}
