using System.Diagnostics.Metrics;
using Npgsql;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// Counts what the process sends to PostgreSQL: Npgsql's own <c>db.client.operation.duration</c> measurements (one per
/// command or batch executed; a transaction's COMMIT, sent by <see cref="NpgsqlTransaction"/>, is not among them), and
/// the server's committed transactions (<c>pg_stat_database.xact_commit</c>, which also counts autocommit statements).
/// </summary>
public sealed class DatabaseMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _operations;

    public DatabaseMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _operations));
        _listener.Start();
    }

    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>
    /// Committed transactions of the database so far. The server publishes backends' counters with a delay of up to a
    /// second, so readings are taken after a pause; the reading itself adds one.
    /// </summary>
    public static async Task<long> CommitsAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var command = database.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _listener.Dispose();
}
