using Orleans;

namespace Loyalty.Bench.Grains;

/// <summary>No state, no I/O: measures Orleans' call path alone (reference, message, activation turn, completion).</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private long _calls;

    public Task<long> PingAsync(long value) => Task.FromResult(value + ++_calls);
}
