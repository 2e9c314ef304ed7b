using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

[CoalesceStateWrites]
public sealed class UnserializableStateGrain([PersistentState("state")] IPersistentState<UnserializableState> state) : Grain, IUnserializableStateGrain
{
    public Task BreakAndWriteAsync()
    {
        state.State.Broken = true;
        return state.WriteStateAsync();
    }
}

public sealed class UnserializableState
{
    public bool Broken { get; set; }

    public string Value => Broken ? throw new InvalidOperationException("This state cannot be serialized.") : "ok";
}
