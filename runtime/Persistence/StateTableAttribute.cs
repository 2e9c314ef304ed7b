namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Stores a state type in a table of its own instead of <c>grain_state</c>: one row per grain, keyed by the grain's
/// key in <see cref="StateTable.KeyColumn"/>, with the columns <c>payload</c> (text), <c>version</c> (bigint) and
/// <c>modified_at</c> (timestamptz). A state that also implements <see cref="IStateColumns"/> writes the columns it
/// derives from itself in the same statement: a read model that can never disagree with its state and costs no row of
/// its own. The table belongs to one grain type and state name, and is not separated by service id.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StateTableAttribute : Attribute
{
    public StateTableAttribute(string table, string keyColumn)
    {
        Table = new StateTable(table, keyColumn);
    }

    public StateTable Table { get; }
}
