namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A state stored in its own table (<see cref="StateTableAttribute"/>) that derives columns of that row from itself,
/// such as a read model's. They are taken from the state at the moment it is serialized for a write, so they always
/// describe the state stored beside them.
/// </summary>
public interface IStateColumns
{
    /// <summary>
    /// The derived columns and their values: the same names in the same order on every write, none of them the key or
    /// <see cref="StateTable.ReservedColumns"/>. Values are passed as parameters (see <see cref="StorageRow"/>).
    /// </summary>
    IReadOnlyList<KeyValuePair<string, object?>> StateColumns();
}
