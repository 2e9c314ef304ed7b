using Orleans;

namespace Loyalty.Bench.Grains;

[Alias("bench.ICounterGrain")]
public interface ICounterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one, writes the state through Orleans' ADO.NET grain storage, answers the new count.</summary>
    [Alias("IncrementAsync")]
    Task<long> IncrementAsync();
}
