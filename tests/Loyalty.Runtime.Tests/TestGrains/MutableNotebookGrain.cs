using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class MutableNotebookGrain([PersistentState("notebook")] IPersistentState<MutableNotebookState> state) : Grain, IMutableNotebookGrain
{
    public Task AddAsync(string note)
    {
        // Changed in place: the state as stored and the state now would be the same object, and the change lost.
        state.State.Notes.Add(note);
        return state.WriteStateAsync();
    }
}

[StateTable("test_notebooks", "notebook_key", SnapshotTable = "test_notebook_snapshots")]
public sealed class MutableNotebookState
{
    public List<string> Notes { get; init; } = [];
}
