using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Loyalty.Runtime.Diagnostics;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>Collects the storage measurements of one <see cref="RuntimeMetrics"/> instance (not of other tests' instances).</summary>
internal sealed class StorageMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<int> _batchSizes = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();
    private long _conflicts;

    public StorageMetricsRecorder(RuntimeMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "loyalty.storage.batch.size")
            {
                _batchSizes.Enqueue(value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "loyalty.storage.conflicts")
            {
                Interlocked.Add(ref _conflicts, value);
            }
            else if (instrument.Name == "loyalty.storage.writes")
            {
                foreach (var tag in tags)
                {
                    _writes.AddOrUpdate((string)tag.Value!, 1, static (_, count) => count + 1);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Writes per round trip, in the order the round trips started.</summary>
    public IReadOnlyList<int> BatchSizes => [.. _batchSizes];

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public int Writes(string outcome) => _writes.GetValueOrDefault(outcome);

    public void Dispose() => _listener.Dispose();
}
