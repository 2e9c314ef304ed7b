using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class ChainGrain : Grain, IChainGrain
{
    /// <summary>Marks the next hop as an [AlwaysInterleave] call: <c>["b", "~", "a"]</c> is a → b, then b ⇢ a interleaved.</summary>
    public const string Interleaved = "~";

    public async Task<string> CallAlongAsync(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return GrainId.Key;
        }

        var interleaved = keys[0] == Interleaved;
        var next = GrainFactory.GetGrain<IChainGrain>(interleaved ? keys[1] : keys[0]);
        var rest = keys.Skip(interleaved ? 2 : 1).ToList();
        var visited = interleaved ? await next.CallAlongInterleavedAsync(rest) : await next.CallAlongAsync(rest);
        return $"{GrainId.Key}>{visited}";
    }

    public Task<string> CallAlongInterleavedAsync(IReadOnlyList<string> keys) => CallAlongAsync(keys);
}
