using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<long> IncrementAsync();

    [ReadOnly]
    Task<long> GetAsync();

    Task<int> GetActivationCountAsync();

    Task DeactivateAsync();
}
