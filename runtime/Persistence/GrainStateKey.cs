using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// Identifies one stored state: the grain and the state's name (a grain may have several), and the table of its own
/// the state is stored in, if its type names one (<see cref="StateTableAttribute"/>); otherwise it is in <c>grain_state</c>.
/// </summary>
public readonly record struct GrainStateKey(GrainId GrainId, string StateName)
{
    public StateTable? Table { get; init; }

    public override string ToString() => $"{GrainId}#{StateName}";
}
