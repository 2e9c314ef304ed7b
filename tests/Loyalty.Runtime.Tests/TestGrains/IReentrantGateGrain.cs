using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<string> WaitAsync(string gate);

    /// <summary>
    /// Counts, between awaits, how often it found another call's code running at the same moment:
    /// interleaving is expected of a reentrant grain, running in parallel never is. Returns the overlaps seen.
    /// </summary>
    Task<int> BumpAsync(int times);
}
