using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface ICoalescingCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and commits a ledger row with the count after it.</summary>
    Task<long> IncrementAsync();

    [ReadOnly]
    Task<long> GetAsync();

    /// <summary>The count as this call sees it, returned once every write asked for so far has committed.</summary>
    Task<long> CountWhenWrittenAsync();
}
