using Loyalty.Runtime.Core;

namespace Loyalty.Bench.Grains;

public interface IPingGrain : IGrainWithIntegerKey
{
    Task<long> PingAsync(long value);
}
