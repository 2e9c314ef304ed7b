using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, GrainProbe probe) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.For(GrainId).Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.For(GrainId).Deactivated(reason);
        return Task.CompletedTask;
    }

    public async Task<long> IncrementAsync()
    {
        var count = state.State.Count + 1;
        state.State.Count = count;
        await state.WriteStateAsync();
        return count;
    }

    public Task<long> GetAsync() => Task.FromResult(state.State.Count);

    public Task<int> GetActivationCountAsync() => Task.FromResult(probe.For(GrainId).Activations);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
