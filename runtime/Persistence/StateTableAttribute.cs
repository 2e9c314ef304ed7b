namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Stores a state type in a table of its own instead of <c>grain_state</c>: one row per grain, keyed by the grain's
/// key in <see cref="StateTable.KeyColumn"/>, with the columns <c>payload</c> (text), <c>version</c> (bigint) and
/// <c>modified_at</c> (timestamptz). A state that also implements <see cref="IStateColumns"/> writes the columns it
/// derives from itself in the same statement: a read model that can never disagree with its state and costs no row of
/// its own. The table belongs to one grain type and state name, and is not separated by service id.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StateTableAttribute(string table, string keyColumn) : Attribute
{
    /// <summary>
    /// When set, the state is stored as a snapshot in this table (<c>key column</c>, <c>version</c>, <c>payload</c>)
    /// and the state's own row holds, instead of <c>payload</c>, a column <c>changes</c>: one line of JSON per write
    /// since the snapshot (<see cref="StateChanges"/>). A write appends what changed; once the changes reach
    /// <see cref="MaxChangeBytes"/>, or a change cannot be expressed, the write stores a new snapshot and clears them.
    /// The state's row stays small, so an update touches a small row, not the whole state. The state type must be
    /// immutable (<see cref="StateChanges.EnsureImmutable"/>).
    /// </summary>
    public string? SnapshotTable { get; init; }

    /// <summary>How many bytes of changes a state's row holds at most before the next write stores a snapshot.</summary>
    public int MaxChangeBytes { get; init; } = StateTable.DefaultMaxChangeBytes;

    public StateTable Table => new(table, keyColumn) { SnapshotTable = SnapshotTable, MaxChangeBytes = MaxChangeBytes };
}
