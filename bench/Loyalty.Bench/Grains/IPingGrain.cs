using Orleans;

namespace Loyalty.Bench.Grains;

[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("PingAsync")]
    Task<long> PingAsync(long value);
}
