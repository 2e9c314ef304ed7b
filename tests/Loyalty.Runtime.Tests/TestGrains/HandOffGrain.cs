using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class HandOffGrain([PersistentState("farewells")] IPersistentState<CounterState> state, GrainProbe probe) : Grain, IHandOffGrain
{
    public const string Gate = "hand-off";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.For(GrainId).Activated();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await probe.Gate(Gate).Task;
        state.State.Count++;
        await state.WriteStateAsync();
    }

    public Task<int> TouchAsync() => Task.FromResult((int)state.State.Count);
}
