using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<string> WaitAsync(string gate);

    /// <summary>Increments a plain field many times around awaits; lost updates would show data races.</summary>
    Task<int> BumpAsync(int times);
}
