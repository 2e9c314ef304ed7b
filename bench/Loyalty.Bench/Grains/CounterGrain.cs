using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Bench.Grains;

/// <summary>One durable write per call, each with a ledger row.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<long> IncrementAsync()
    {
        var count = ++state.State.Count;
        await state.WriteStateAsync([BenchLedger.Row(GrainId.Key, count)]);
        return count;
    }
}
