using System.Reflection;

namespace Loyalty.Runtime.Persistence;

/// <summary>Where a state stored in a table of its own lives (see <see cref="StateTableAttribute"/>).</summary>
public sealed record StateTable
{
    /// <summary>The columns every state table has besides its key; <see cref="IStateColumns"/> may not name them.</summary>
    public static readonly IReadOnlyList<string> ReservedColumns = ["payload", "version", "modified_at", "changes"];

    /// <summary>
    /// Changes kept before the next write takes a snapshot, unless the state type says otherwise: a few changes per
    /// snapshot, and a row that stays under the ~2 KB at which PostgreSQL starts compressing (and moving) it.
    /// </summary>
    public const int DefaultMaxChangeBytes = 1024;

    public StateTable(string table, string keyColumn)
    {
        SqlIdentifier.Validate(table);
        SqlIdentifier.Validate(keyColumn);
        if (ReservedColumns.Contains(keyColumn))
        {
            throw new ArgumentException($"The key column of a state table cannot be named '{keyColumn}'.", nameof(keyColumn));
        }

        Table = table;
        KeyColumn = keyColumn;
    }

    public string Table { get; }

    public string KeyColumn { get; }

    /// <summary>Where the state's snapshot is stored, when it is stored as changes since one (see <see cref="StateTableAttribute.SnapshotTable"/>).</summary>
    public string? SnapshotTable
    {
        get;
        init
        {
            if (value is not null)
            {
                SqlIdentifier.Validate(value);
            }

            field = value;
        }
    }

    public int MaxChangeBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxChangeBytes;

    /// <summary>The table <paramref name="stateType"/> is stored in, or null when it lives in <c>grain_state</c>.</summary>
    public static StateTable? Of(Type stateType)
    {
        ArgumentNullException.ThrowIfNull(stateType);
        return stateType.GetCustomAttribute<StateTableAttribute>()?.Table;
    }
}
