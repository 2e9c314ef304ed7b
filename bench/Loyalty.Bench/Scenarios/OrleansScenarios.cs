using System.Globalization;
using Loyalty.Bench.Grains;
using Npgsql;
using Orleans;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// Orleans' own figures on this machine, beside the card scenarios: in-process grain calls per second with no state,
/// durable writes per second through its stock ADO.NET grain storage (what the simple grains use), and the managed heap an
/// idle stateless activation holds. The write scenario checks afterwards that the database holds exactly the acknowledged
/// increments, and fails otherwise.
/// </summary>
public sealed class OrleansScenarios(IGrainFactory grains, NpgsqlDataSource database, BenchSettings settings)
{
    public static readonly IReadOnlyList<string> Names = ["calls", "writes", "memory"];

    /// <summary>Stateless activations made by <c>memory</c>.</summary>
    public const int MemoryActivations = 100_000;

    private int _writesRun;

    public Task<ScenarioResult> RunAsync(string name) => name switch
    {
        "calls" => CallsAsync(),
        "writes" => WritesAsync(),
        "memory" => MemoryAsync(),
        _ => throw new ArgumentException($"Unknown scenario '{name}'. Scenarios: {string.Join(", ", Names)}, {string.Join(", ", Cards.CardScenarios.Names)}, cards, all."),
    };

    private async Task<ScenarioResult> CallsAsync()
    {
        var refs = Enumerable.Range(0, settings.Grains).Select(i => grains.GetGrain<IPingGrain>(i)).ToArray();
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(
            settings.Concurrency, WarmUp, Duration, (worker, sequence) => refs[(int)((worker * 7919L + sequence) % refs.Length)].PingAsync(sequence));
        return Result("calls", $"in-process grain calls through IGrainFactory, {settings.Grains:N0} grains, no state", ops, seconds, p50, p99);
    }

    private async Task<ScenarioResult> WritesAsync()
    {
        // Keys of their own per run, so each run starts from new grains and its total is its own.
        var offset = 10_000_000L * ++_writesRun;
        var acknowledged = new long[settings.Grains];
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(settings.Concurrency, WarmUp, Duration, async (worker, sequence) =>
        {
            var key = (int)((worker * 7919L + (sequence * 104729L)) % settings.Grains);
            await grains.GetGrain<ICounterGrain>(offset + key).IncrementAsync();
            Interlocked.Increment(ref acknowledged[key]);
        });
        await VerifyAsync(offset, acknowledged.Sum());
        return Result("writes", $"durable increments through Orleans' ADO.NET grain storage, {settings.Grains:N0} grains at random, one commit each", ops, seconds, p50, p99);
    }

    /// <summary>Managed heap growth per idle activation: activate many stateless grains, then measure after full compacting GCs, each reading taken with the process quiet (see <see cref="HeapMeter"/>).</summary>
    private async Task<ScenarioResult> MemoryAsync()
    {
        var before = await HeapMeter.QuietAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var batch = 0; batch < MemoryActivations; batch += 1000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 1000).Select(i => grains.GetGrain<IPingGrain>(1_000_000 + i).PingAsync(0)));
        }

        var seconds = started.Elapsed.TotalSeconds;
        var perActivation = (await HeapMeter.QuietAsync() - before) / (double)MemoryActivations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {perActivation:N0} bytes of managed heap per idle activation ({MemoryActivations:N0} activations)"));
        return new ScenarioResult(
            "memory", string.Create(CultureInfo.InvariantCulture, $"managed heap per idle activation: {perActivation:N0} B, {MemoryActivations:N0} stateless grains"), 1, MemoryActivations, seconds, MemoryActivations / seconds, 0, 0,
            new Dictionary<string, double> { ["bytesPerActivation"] = perActivation });
    }

    private TimeSpan WarmUp => TimeSpan.FromSeconds(settings.WarmUpSeconds);

    private TimeSpan Duration => TimeSpan.FromSeconds(settings.Seconds);

    /// <summary>Every acknowledged increment is in the stored states of this run's counters, no more, no fewer.</summary>
    private async Task VerifyAsync(long offset, long acknowledged)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*), coalesce(sum((convert_from(payloadbinary, 'UTF8')::jsonb->>'count')::bigint), 0)::bigint " +
            "FROM orleansstorage WHERE graintypestring = $1 AND grainidn1 >= $2 AND grainidn1 < $3");
        command.Parameters.Add(new NpgsqlParameter { Value = CounterState.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        command.Parameters.Add(new NpgsqlParameter { Value = offset + settings.Grains });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, stored) = (reader.GetInt64(0), reader.GetInt64(1));
        if (stored != acknowledged)
        {
            throw new InvalidOperationException($"Verification failed for writes: {acknowledged} acknowledged, {stored} stored in {rows} states.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  verified: {acknowledged} acknowledged = {stored} stored (in {rows} grain states)"));
    }

    private ScenarioResult Result(string scenario, string description, long ops, double seconds, double p50, double p99) =>
        new(scenario, description, settings.Concurrency, ops, seconds, ops / seconds, p50, p99, new Dictionary<string, double>());
}
