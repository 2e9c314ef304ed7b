using Loyalty.Runtime.Core;

namespace Loyalty.Bench.Grains;

public interface ICoalescingCounterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one, commits it with a ledger row, answers the new count (writes coalesce under load).</summary>
    Task<long> IncrementAsync();
}
