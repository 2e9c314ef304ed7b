using System.Diagnostics.Metrics;
using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments, all on one meter named <see cref="MeterName"/> so that an operator enables the
/// whole runtime with one name: activations, calls, latency, storage batches and reminder ticks.
/// Created once per silo and shared by its components.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Loyalty.Runtime";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _deactivations;
    private readonly Histogram<double> _activationDuration;
    private readonly Histogram<double> _storageWriteDuration;
    private readonly Histogram<int> _storageBatchSize;
    private readonly Counter<long> _storageWrites;
    private readonly Counter<long> _storageConflicts;
    private readonly Histogram<double> _reminderTardiness;
    private readonly Counter<long> _remindersDelivered;
    private readonly Counter<long> _remindersFailed;
    private long _activeCount;

    /// <param name="meterFactory">The host's factory (which then owns the meter); null creates a private meter, as tests do.</param>
    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _activations = Meter.CreateCounter<long>("loyalty.activations.created", "{activation}", "Activations created, by grain type.");
        _deactivations = Meter.CreateCounter<long>("loyalty.activations.deactivated", "{activation}", "Activations deactivated, by grain type and reason.");
        _activationDuration = Meter.CreateHistogram<double>("loyalty.activations.duration", "ms", "Time to load state and run OnActivateAsync.");
        Meter.CreateObservableGauge("loyalty.activations.active", () => Interlocked.Read(ref _activeCount), "{activation}", "Activations alive now.");
        Calls = Meter.CreateCounter<long>("loyalty.calls", "{call}", "Grain calls started.");
        FailedCalls = Meter.CreateCounter<long>("loyalty.calls.failed", "{call}", "Grain calls whose grain method threw.");
        TimedOutCalls = Meter.CreateCounter<long>("loyalty.calls.timed_out", "{call}", "Grain calls that passed their deadline.");
        CallCycles = Meter.CreateCounter<long>("loyalty.calls.cycles", "{call}", "Grain calls refused because they closed a call cycle.");
        CallDuration = Meter.CreateHistogram<double>("loyalty.calls.duration", "ms", "Grain call latency, queueing included.");
        SentCalls = Meter.CreateCounter<long>("loyalty.cluster.calls.sent", "{call}", "Grain calls sent to another silo (to the owner, or passed on by a non-owner).");
        ReroutedCalls = Meter.CreateCounter<long>("loyalty.cluster.calls.rerouted", "{call}", "Calls that could not reach their silo and were routed again after a membership change.");
        HandOffs = Meter.CreateCounter<long>("loyalty.cluster.handoffs", "{activation}", "Activations deactivated because another silo came to own their grain.");
        _storageWriteDuration = Meter.CreateHistogram<double>("loyalty.storage.write.duration", "ms", "Time from a state write being queued to its outcome.");
        _storageBatchSize = Meter.CreateHistogram<int>("loyalty.storage.batch.size", "{write}", "State writes sent to the database in one round trip.");
        _storageWrites = Meter.CreateCounter<long>("loyalty.storage.writes", "{write}", "State writes completed, tagged with their outcome.");
        _storageConflicts = Meter.CreateCounter<long>("loyalty.storage.conflicts", "{write}", "State writes refused because another activation had written first.");
        _reminderTardiness = Meter.CreateHistogram<double>("loyalty.reminders.tardiness", "ms", "How late a tick is delivered after its scheduled time.");
        _remindersDelivered = Meter.CreateCounter<long>("loyalty.reminders.delivered", "{tick}", "Reminder ticks delivered.");
        _remindersFailed = Meter.CreateCounter<long>("loyalty.reminders.failed", "{tick}", "Reminder tick deliveries that failed and will be retried.");
    }

    public Meter Meter { get; }

    public Counter<long> Calls { get; }

    public Counter<long> FailedCalls { get; }

    public Counter<long> TimedOutCalls { get; }

    public Counter<long> CallCycles { get; }

    public Histogram<double> CallDuration { get; }

    public Counter<long> SentCalls { get; }

    public Counter<long> ReroutedCalls { get; }

    public Counter<long> HandOffs { get; }

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

    internal void RecordStorageWrite(TimeSpan duration, string outcome)
    {
        _storageWriteDuration.Record(duration.TotalMilliseconds);
        _storageWrites.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    internal void RecordStorageBatch(int size) => _storageBatchSize.Record(size);

    internal void RecordStorageConflict() => _storageConflicts.Add(1);

    internal void RecordReminderTardiness(TimeSpan tardiness) => _reminderTardiness.Record(Math.Max(0, tardiness.TotalMilliseconds));

    internal void ReminderTickDelivered() => _remindersDelivered.Add(1);

    internal void ReminderTickFailed() => _remindersFailed.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
