using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>Calls that wait on a gate the test opens, to observe which calls may run together.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    Task<string> WaitAsync(string gate);

    [ReadOnly]
    Task<string> ReadWaitAsync(string gate);

    [AlwaysInterleave]
    Task<string> PingAsync();
}
