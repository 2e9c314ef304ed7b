using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>Immutable, and stored as a snapshot plus changes of at most 100 bytes (a change here is ~45).</summary>
[StateTable("test_notebooks", "notebook_key", SnapshotTable = "test_notebook_snapshots", MaxChangeBytes = 100)]
public sealed record NotebookState : IStateColumns
{
    public long Count { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, object?>> StateColumns() => [new("note_count", Count)];
}
