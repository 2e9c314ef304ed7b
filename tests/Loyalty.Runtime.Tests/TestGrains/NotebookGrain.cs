using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

[CoalesceStateWrites]
public sealed class NotebookGrain([PersistentState("notebook")] IPersistentState<NotebookState> state) : Grain, INotebookGrain
{
    public async Task<long> AddAsync(string note)
    {
        var notes = state.State.Notes;
        state.State = state.State with { Count = state.State.Count + 1, Notes = [.. notes.Skip(notes.Count == 5 ? 1 : 0), note] };
        var count = state.State.Count;
        await state.WriteStateAsync();
        return count;
    }

    public Task<NotebookView> GetAsync() => Task.FromResult(new NotebookView(state.State.Count, state.State.Notes));
}
