using System.Diagnostics.Metrics;
using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the <c>Loyalty.Runtime</c> meter: activations, calls, latency, queueing,
/// and (registered by their owners) storage and reminders.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Loyalty.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _deactivations;
    private readonly Histogram<double> _activationDuration;
    private long _activeCount;

    public RuntimeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _activations = _meter.CreateCounter<long>("loyalty.activations.created", description: "Activations created");
        _deactivations = _meter.CreateCounter<long>("loyalty.activations.deactivated", description: "Activations deactivated, by reason");
        _activationDuration = _meter.CreateHistogram<double>("loyalty.activations.duration", "ms", "Time to load state and run OnActivateAsync");
        _meter.CreateObservableGauge("loyalty.activations.active", () => Interlocked.Read(ref _activeCount), description: "Activations currently alive");
        Calls = _meter.CreateCounter<long>("loyalty.calls", description: "Grain calls started");
        FailedCalls = _meter.CreateCounter<long>("loyalty.calls.failed", description: "Grain calls that threw");
        TimedOutCalls = _meter.CreateCounter<long>("loyalty.calls.timed_out", description: "Grain calls that passed their deadline");
        CallCycles = _meter.CreateCounter<long>("loyalty.calls.cycles", description: "Grain calls refused because they closed a call cycle");
        CallDuration = _meter.CreateHistogram<double>("loyalty.calls.duration", "ms", "Grain call latency, queueing included");
        StorageWriteDuration = _meter.CreateHistogram<double>("loyalty.storage.write.duration", "ms", "Time from a state write's request to its commit");
        StorageBatchSize = _meter.CreateHistogram<int>("loyalty.storage.batch.size", description: "State writes committed together");
        StorageConflicts = _meter.CreateCounter<long>("loyalty.storage.conflicts", description: "State writes refused by the version check");
        ReminderTardiness = _meter.CreateHistogram<double>("loyalty.reminders.tardiness", "ms", "Delay between a reminder tick's schedule and its delivery");
    }

    public Counter<long> Calls { get; }

    public Counter<long> FailedCalls { get; }

    public Counter<long> TimedOutCalls { get; }

    public Counter<long> CallCycles { get; }

    public Histogram<double> CallDuration { get; }

    public Histogram<double> StorageWriteDuration { get; }

    public Histogram<int> StorageBatchSize { get; }

    public Counter<long> StorageConflicts { get; }

    public Histogram<double> ReminderTardiness { get; }

    public long ActiveActivations => Interlocked.Read(ref _activeCount);

    internal void OnActivated(string grainType, TimeSpan duration)
    {
        Interlocked.Increment(ref _activeCount);
        _activations.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));
        _activationDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("grain.type", grainType));
    }

    internal void OnDeactivated(string grainType, DeactivationReason reason)
    {
        Interlocked.Decrement(ref _activeCount);
        _deactivations.Add(1, new KeyValuePair<string, object?>("grain.type", grainType), new KeyValuePair<string, object?>("reason", reason.ToString()));
    }

    public void Dispose() => _meter.Dispose();
}
