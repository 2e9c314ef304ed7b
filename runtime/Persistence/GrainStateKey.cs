using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Persistence;

/// <summary>Identifies one stored state: the grain and the state's name (a grain may have several).</summary>
public readonly record struct GrainStateKey(GrainId GrainId, string StateName)
{
    public override string ToString() => $"{GrainId}#{StateName}";
}
