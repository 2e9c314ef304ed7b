using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>Stands in for the runtime: records every attempt and every delivered tick; a hook can fail or block.</summary>
internal sealed class RecordingTickSink : IReminderTickSink
{
    private readonly Lock _lock = new();
    private readonly List<RecordedTick> _attempts = [];
    private readonly List<RecordedTick> _delivered = [];
    private readonly ReminderWakeSignal _changed = new();

    /// <summary>Runs before a tick counts as delivered; throwing makes the delivery fail.</summary>
    public Func<RecordedTick, CancellationToken, Task>? OnDeliver { get; set; }

    public Task NextChange => _changed.Next;

    public IReadOnlyList<RecordedTick> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public IReadOnlyList<RecordedTick> Delivered
    {
        get
        {
            lock (_lock)
            {
                return [.. _delivered];
            }
        }
    }

    public async Task DeliverAsync(GrainId grainId, string reminderName, TickStatus status, CancellationToken cancellationToken)
    {
        var tick = new RecordedTick(grainId, reminderName, status);
        Add(_attempts, tick);
        if (OnDeliver is { } hook)
        {
            await hook(tick, cancellationToken);
        }

        Add(_delivered, tick);
    }

    private void Add(List<RecordedTick> list, RecordedTick tick)
    {
        lock (_lock)
        {
            list.Add(tick);
        }

        _changed.Signal();
    }
}
