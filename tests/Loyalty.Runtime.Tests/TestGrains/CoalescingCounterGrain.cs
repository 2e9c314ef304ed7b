using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

[CoalesceStateWrites]
public sealed class CoalescingCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICoalescingCounterGrain
{
    public async Task<long> IncrementAsync()
    {
        var count = state.State.Count + 1;
        state.State.Count = count;
        await state.WriteStateAsync(
        [
            StorageRow.Insert(
                "test_ledger",
                new("grain_key", GrainId.Key),
                new("count_after", count)),

            // An upsert of the same row by every coalesced call: only the last may reach the statement.
            StorageRow.Upsert("test_counter_view", ["grain_key"], new("grain_key", GrainId.Key), new("count", count)),
        ]);
        return count;
    }

    public Task<long> GetAsync() => Task.FromResult(state.State.Count);

    public async Task<long> CountWhenWrittenAsync()
    {
        var count = state.State.Count;
        await state.WhenWrittenAsync();
        return count;
    }
}
