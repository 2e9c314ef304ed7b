using Loyalty.Bench.Grains;
using Loyalty.Runtime.Core;
using Npgsql;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// The runtime's own figures: in-process calls per second, and durable writes per second with group commit
/// (spread over many grains) and with write coalescing (one hot grain). Each write scenario checks afterwards
/// that the database holds exactly the acknowledged operations, and fails otherwise.
/// </summary>
public sealed class RuntimeScenarios(IGrainFactory grains, NpgsqlDataSource database, BenchSettings settings)
{
    public static readonly IReadOnlyList<string> Names = ["calls", "writes", "hot-grain", "memory"];

    public Task<ScenarioResult> RunAsync(string name) => name switch
    {
        "calls" => CallsAsync(),
        "writes" => WritesAsync(),
        "hot-grain" => HotGrainAsync(),
        "memory" => MemoryAsync(),
        _ => throw new ArgumentException($"Unknown scenario '{name}'. Scenarios: {string.Join(", ", Names)}, all."),
    };

    private async Task<ScenarioResult> CallsAsync()
    {
        var refs = Enumerable.Range(0, settings.Grains).Select(i => grains.GetGrain<IPingGrain>(i)).ToArray();
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(
            settings.Concurrency, WarmUp, Duration, (worker, sequence) => refs[(int)((worker * 7919L + sequence) % refs.Length)].PingAsync(sequence));
        return Result("calls", $"in-process grain calls, {settings.Grains} grains, no state", ops, seconds, p50, p99);
    }

    private async Task<ScenarioResult> WritesAsync()
    {
        var acknowledged = new long[settings.Grains];
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(settings.Concurrency, WarmUp, Duration, async (worker, sequence) =>
        {
            var key = (int)((worker * 7919L + (sequence * 104729L)) % settings.Grains);
            await grains.GetGrain<ICounterGrain>(key).IncrementAsync();
            Interlocked.Increment(ref acknowledged[key]);
        });
        var total = acknowledged.Sum();
        await VerifyAsync("counter", total);
        return Result("writes", $"durable increments with a ledger row, {settings.Grains} grains at random, group commit", ops, seconds, p50, p99);
    }

    private async Task<ScenarioResult> HotGrainAsync()
    {
        var grain = grains.GetGrain<ICoalescingCounterGrain>(0);
        long acknowledged = 0;
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(settings.Concurrency, WarmUp, Duration, async (_, _) =>
        {
            await grain.IncrementAsync();
            Interlocked.Increment(ref acknowledged);
        });
        await VerifyAsync("coalescingcounter", acknowledged);
        return Result("hot-grain", "durable increments with a ledger row on ONE grain, write coalescing", ops, seconds, p50, p99);
    }

    /// <summary>Managed heap growth per idle activation: activate many stateless grains, then measure after full GCs.</summary>
    private async Task<ScenarioResult> MemoryAsync()
    {
        const int count = 100_000;
        var before = SettledHeap();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var batch = 0; batch < count; batch += 1000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 1000).Select(i => grains.GetGrain<IPingGrain>(1_000_000 + i).PingAsync(0)));
        }

        var seconds = started.Elapsed.TotalSeconds;
        var perActivation = (SettledHeap() - before) / (double)count;
        Console.WriteLine($"  {perActivation:N0} bytes of managed heap per idle activation ({count:N0} activations)");
        return new ScenarioResult(
            "memory", $"managed heap per idle activation, {count:N0} stateless grains", 1, count, seconds, count / seconds, 0, 0,
            new Dictionary<string, double> { ["bytesPerActivation"] = perActivation });
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private TimeSpan WarmUp => TimeSpan.FromSeconds(settings.WarmUpSeconds);

    private TimeSpan Duration => TimeSpan.FromSeconds(settings.Seconds);

    /// <summary>Every acknowledged increment is in the state and has exactly one ledger row.</summary>
    private async Task VerifyAsync(string grainType, long acknowledged)
    {
        await using var command = database.CreateCommand(
            "SELECT coalesce(sum((payload::jsonb->>'count')::bigint), 0) FROM grain_state WHERE grain_type = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        var stored = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var ledger = database.CreateCommand("SELECT count(*) FROM bench_ledger");
        var rows = (long)(await ledger.ExecuteScalarAsync())!;
        await using var clear = database.CreateCommand("TRUNCATE bench_ledger");
        await clear.ExecuteNonQueryAsync();
        if (stored != acknowledged || rows != acknowledged)
        {
            throw new InvalidOperationException($"Verification failed for {grainType}: {acknowledged} acknowledged, {stored} in state, {rows} ledger rows.");
        }

        Console.WriteLine($"  verified: {acknowledged} acknowledged = {stored} stored = {rows} ledger rows");
    }

    private ScenarioResult Result(string scenario, string description, long ops, double seconds, double p50, double p99) =>
        new(scenario, description, settings.Concurrency, ops, seconds, ops / seconds, p50, p99, new Dictionary<string, double>());
}
