using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface ICoalescingCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and commits a ledger row with the count after it.</summary>
    Task<long> IncrementAsync();

    [ReadOnly]
    Task<long> GetAsync();
}
