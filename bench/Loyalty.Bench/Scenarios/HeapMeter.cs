using System.Diagnostics;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// The managed heap after full, blocking, compacting collections: what live objects take, not garbage. Buffer pools
/// (the shared array pool, Kestrel's and Orleans' memory pools) keep what busy moments rented and give it back only
/// after a minute or so unused, at a full collection; <see cref="QuietAsync"/> waits that out, so a heap difference
/// measures the objects made in between, not the pools of whatever ran before.
/// </summary>
public static class HeapMeter
{
    /// <summary>How long pools keep buffers nobody used (the shared array pool trims those unused for 60 s).</summary>
    private static readonly TimeSpan PoolIdleTime = TimeSpan.FromSeconds(65);

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    public static long Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// The settled heap once the process has been idle long enough for its pools to give back what they hold, and two
    /// readings <see cref="Step"/> apart differ by less than 1 MB (at most three minutes).
    /// </summary>
    public static async Task<long> QuietAsync()
    {
        var waited = Stopwatch.StartNew();
        var last = Settled();
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(Step);
            var now = Settled();
            if (waited.Elapsed >= PoolIdleTime && Math.Abs(now - last) < 1 << 20)
            {
                return now;
            }

            last = now;
        }

        return last;
    }
}
