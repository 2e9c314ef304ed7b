using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Activations;

/// <summary>How a grain instance gets hold of its activation and its persistent states while it is constructed.</summary>
internal sealed partial class ActivationData
{
    [ThreadStatic]
    private static ActivationData? t_underConstruction;

    /// <summary>The activation whose grain instance is being constructed on this thread.</summary>
    public static ActivationData? UnderConstruction => t_underConstruction;

    public Grain Construct(Func<IServiceProvider, ActivationData, Grain> factory)
    {
        var previous = t_underConstruction;
        t_underConstruction = this;
        try
        {
            return factory(_runtime.Services, this);
        }
        finally
        {
            t_underConstruction = previous;
        }
    }

    /// <summary>Binds a <c>[PersistentState]</c> constructor parameter to this activation.</summary>
    public IPersistentState<TState> CreatePersistentState<TState>(string stateName)
        where TState : class, new()
    {
        // A failed coalesced write must fail every call built on it; that holds within one state, so a coalescing
        // grain keeps all its durable data in one state.
        if (ClassInfo.CoalescesStateWrites && _participants?.OfType<IPersistentStateMarker>().Any() == true)
        {
            throw new InvalidOperationException(
                $"{ClassInfo.GrainClass.Name} has [CoalesceStateWrites] and more than one [PersistentState]: keep its durable data in one state.");
        }

        var state = new PersistentState<TState>(this, stateName);
        AddParticipant(state);
        return state;
    }
}
