using Orleans;
using Orleans.Runtime;

namespace Loyalty.Bench.Grains;

/// <summary>
/// One durable write per call through Orleans' stock ADO.NET grain storage (the default storage, as the merchant, store,
/// program, PIN, device and enrolment grains use it): no coalescing, one commit per call.
/// </summary>
public sealed class CounterGrain([PersistentState(CounterState.Name)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<long> IncrementAsync()
    {
        var count = ++state.State.Count;
        await state.WriteStateAsync();
        return count;
    }
}
