using System.Diagnostics.Metrics;

namespace Loyalty.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments, all on one meter named <see cref="MeterName"/> so that an operator
/// enables the whole runtime with one name. Created once per silo and shared by its components.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Loyalty.Runtime";

    private readonly bool _ownsMeter;
    private readonly Histogram<double> _storageWriteDuration;
    private readonly Histogram<int> _storageBatchSize;
    private readonly Counter<long> _storageWrites;
    private readonly Counter<long> _storageConflicts;

    /// <param name="meterFactory">The host's factory (which then owns the meter); null creates a private meter, as tests do.</param>
    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _storageWriteDuration = Meter.CreateHistogram<double>(
            "loyalty.storage.write.duration", "ms", "Time from a state write being queued to its outcome.");
        _storageBatchSize = Meter.CreateHistogram<int>(
            "loyalty.storage.batch.size", "{write}", "State writes sent to the database in one round trip.");
        _storageWrites = Meter.CreateCounter<long>(
            "loyalty.storage.writes", "{write}", "State writes completed, tagged with their outcome.");
        _storageConflicts = Meter.CreateCounter<long>(
            "loyalty.storage.conflicts", "{write}", "State writes refused because another activation had written first.");
    }

    public Meter Meter { get; }

    internal void RecordStorageWrite(TimeSpan duration, string outcome)
    {
        _storageWriteDuration.Record(duration.TotalMilliseconds);
        _storageWrites.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    internal void RecordStorageBatch(int size) => _storageBatchSize.Record(size);

    internal void RecordStorageConflict() => _storageConflicts.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
