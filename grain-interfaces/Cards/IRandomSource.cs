namespace Loyalty.GrainInterfaces.Cards;

/// <summary>Random integers for card numbers; injected so tests can fix the digits.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    int NextInt(int maxExclusive);
}
