namespace Loyalty.Bench.Grains;

/// <summary>Stored as JSON (<c>{"count":N}</c>) by the silo's grain storage serializer.</summary>
public sealed class CounterState
{
    /// <summary>The state name, which is also <c>OrleansStorage.GrainTypeString</c> of its rows.</summary>
    public const string Name = "benchCounter";

    public long Count { get; set; }
}
