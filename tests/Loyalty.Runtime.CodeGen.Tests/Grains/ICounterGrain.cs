using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.CodeGen.Tests.Grains;

/// <summary>String key; overloads and all four awaitable return shapes.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task<int> AddAsync(int amount, string? reason);

    [ReadOnly]
    ValueTask<int> GetAsync();

    Task ResetAsync();

    [AlwaysInterleave]
    ValueTask PingAsync();
}
