using System.Globalization;
using Npgsql;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// What the database's client sessions are doing during a scenario, sampled from <c>pg_stat_activity</c> every few
/// milliseconds on a connection of its own: the average number of sessions running, waiting on the WAL (its flush or
/// write), on locks, on data files, on the client while in a statement, or idle inside a transaction. With one
/// committer, what its session does not spend in these it spends idle between batches, waiting for the next one.
/// </summary>
/// <remarks>
/// Each sample is one query, so sampling costs the server a little CPU and adds a committed transaction per sample
/// (<see cref="Samples"/>, which the bench subtracts from its commit count): the bench samples only when asked
/// (<c>--sessions</c>).
/// </remarks>
public sealed class SessionSampler : IAsyncDisposable
{
    /// <summary>The kinds of activity reported, in the order printed.</summary>
    public static IReadOnlyList<string> Kinds => KindNames;

    private const string Query =
        "SELECT state, wait_event_type, wait_event FROM pg_stat_activity " +
        "WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'";

    private static readonly string[] KindNames = ["running", "WAL", "locks", "data files", "client", "idle in transaction", "other"];

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(4);

    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _counts = new long[Kinds.Count];
    private Task _loop = Task.CompletedTask;
    private long _samples;

    private SessionSampler(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Samples taken so far (one query and one committed transaction each).</summary>
    public long Samples => Interlocked.Read(ref _samples);

    public static async Task<SessionSampler> StartAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var sampler = new SessionSampler(await database.OpenConnectionAsync());
        sampler._loop = Task.Run(sampler.RunAsync);
        return sampler;
    }

    /// <summary>Which kind a session in <paramref name="state"/>, waiting on the given event (if any), counts as.</summary>
    public static string Classify(string? state, string? waitEventType, string? waitEvent) => (state, waitEventType) switch
    {
        ("idle in transaction" or "idle in transaction (aborted)", _) => "idle in transaction",
        ("active", null) => "running",
        ("active", "IO" or "LWLock") when waitEvent?.StartsWith("WAL", StringComparison.Ordinal) == true => "WAL",
        ("active", "Lock" or "LWLock") => "locks",
        ("active", "IO") => "data files",
        ("active", "Client") => "client",
        _ => "other",
    };

    /// <summary>Stops sampling; then the average number of sessions of each kind over the samples.</summary>
    public async Task<IReadOnlyList<(string Kind, double Sessions)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var samples = Math.Max(1, Samples);
        return [.. Kinds.Select((kind, index) => (kind, Interlocked.Read(ref _counts[index]) / (double)samples))];
    }

    /// <summary>The name of a kind's average in the results file: <c>sessionsRunning</c>, <c>sessionsIdleInTransaction</c>.</summary>
    public static string MetricName(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return "sessions" + string.Concat(kind.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>The averages as one line for the console.</summary>
    public static string Describe(IReadOnlyList<(string Kind, double Sessions)> averages, long samples) =>
        string.Create(CultureInfo.InvariantCulture, $"  database sessions on average ({samples:N0} samples): ") +
        string.Join(", ", averages.Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Kind} {entry.Sessions:0.00}")));

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Period);
        var sample = new long[Kinds.Count];
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Array.Clear(sample);
                await using (var command = new NpgsqlCommand(Query, _connection))
                await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
                {
                    while (await reader.ReadAsync(_stop.Token))
                    {
                        sample[Array.IndexOf(KindNames, Classify(
                            reader.IsDBNull(0) ? null : reader.GetString(0),
                            reader.IsDBNull(1) ? null : reader.GetString(1),
                            reader.IsDBNull(2) ? null : reader.GetString(2)))]++;
                    }
                }

                // A sample counts whole or not at all.
                for (var i = 0; i < sample.Length; i++)
                {
                    Interlocked.Add(ref _counts[i], sample[i]);
                }

                Interlocked.Increment(ref _samples);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped between or during a sample: the samples completed so far stand.
        }
    }
}
