using System.Diagnostics;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// Runs <c>concurrency</c> asynchronous workers for a warm-up and then a measured period, each calling
/// <c>operation(worker, sequence)</c> back to back; records every measured operation's latency.
/// </summary>
public static class LoadRunner
{
    public static async Task<(long Operations, double Seconds, double P50, double P99)> RunAsync(
        int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, long, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            var own = latencies[worker] = new List<double>(1 << 16);
            long sequence = 0;
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                await operation(worker, sequence++);
                if (Volatile.Read(ref measuring))
                {
                    own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }).ToList();

        await Task.Delay(warmUp);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return (all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))];
}
