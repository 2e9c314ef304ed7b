using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Bench.Grains;

/// <summary>Like <see cref="CounterGrain"/>, but calls queued behind a write join the next one.</summary>
[CoalesceStateWrites]
public sealed class CoalescingCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICoalescingCounterGrain
{
    public async Task<long> IncrementAsync()
    {
        var count = ++state.State.Count;
        await state.WriteStateAsync([BenchLedger.Row(GrainId.Key, count)]);
        return count;
    }
}
