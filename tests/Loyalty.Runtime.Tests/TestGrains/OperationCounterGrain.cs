using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Persistence;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class OperationCounterGrain([PersistentState("counter")] IPersistentState<OperationCounterState> state, IOptions<RuntimeOptions> runtime) : Grain, IOperationCounterGrain
{
    public async Task<long> IncrementAsync(string operationId)
    {
        if (state.State.Applied.TryGetValue(operationId, out var countAfter))
        {
            return countAfter;
        }

        state.State.Count++;
        state.State.Applied[operationId] = state.State.Count;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<long> GetAsync() => Task.FromResult(state.State.Count);

    public Task<string> GetSiloAsync() => Task.FromResult(runtime.Value.SiloName ?? "(unnamed)");
}

public sealed class OperationCounterState
{
    public long Count { get; set; }

    public Dictionary<string, long> Applied { get; set; } = new(StringComparer.Ordinal);
}
