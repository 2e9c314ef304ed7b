using Loyalty.Runtime.Core;

namespace Loyalty.Bench.Grains;

public interface ICounterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one, commits it with a ledger row, answers the new count.</summary>
    Task<long> IncrementAsync();
}
