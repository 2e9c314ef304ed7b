using System.Diagnostics.Metrics;

namespace Loyalty.Runtime.Diagnostics;

/// <summary>
/// Reminder instruments on the "Loyalty.Runtime" meter. Kept on its own so that it merges easily into a
/// shared runtime metrics class later.
/// </summary>
public sealed class ReminderMetrics : IDisposable
{
    public const string MeterName = "Loyalty.Runtime";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _tardiness;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;

    public ReminderMetrics(IMeterFactory? meterFactory = null)
    {
        // Without a factory (tests, tools) the meter is owned and disposed here; a factory disposes its own.
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tardiness = _meter.CreateHistogram<double>("loyalty.reminders.tardiness", "ms", "How late a tick is delivered after its scheduled time.");
        _delivered = _meter.CreateCounter<long>("loyalty.reminders.delivered", "{tick}", "Reminder ticks delivered.");
        _failed = _meter.CreateCounter<long>("loyalty.reminders.failed", "{tick}", "Reminder tick deliveries that failed and will be retried.");
    }

    internal Meter Meter => _meter;

    public void RecordTardiness(TimeSpan tardiness) => _tardiness.Record(Math.Max(0, tardiness.TotalMilliseconds));

    public void TickDelivered() => _delivered.Add(1);

    public void TickFailed() => _failed.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
