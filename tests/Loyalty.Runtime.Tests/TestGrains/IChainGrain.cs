using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>Calls other grains of its kind, to build call chains and cycles.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls each key in turn, passing the rest along; answers with the keys visited.</summary>
    Task<string> CallAlongAsync(IReadOnlyList<string> keys);

    [AlwaysInterleave]
    Task<string> CallAlongInterleavedAsync(IReadOnlyList<string> keys);
}
