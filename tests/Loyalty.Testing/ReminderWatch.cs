using Orleans.Reminders.Diagnostics;
using Orleans.Runtime;

namespace Loyalty.Testing;

/// <summary>
/// Records what Orleans' reminder services do with one grain's reminder (its diagnostic events, from every silo of the
/// process): which silo holds it, when its wait for the next tick is armed, when a tick ran. Lets a test on a manual
/// clock move the clock only while the reminder sleeps, and tell which silo delivered a tick.
/// </summary>
public sealed class ReminderWatch : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly GrainId _grain;
    private readonly string _reminderName;
    private readonly List<ReminderEvents.ReminderEvent> _events = [];
    private readonly IDisposable _subscription;

    public ReminderWatch(GrainId grain, string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        _grain = grain;
        _reminderName = reminderName;
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    /// <summary>How many events were recorded so far: a mark for the "after" arguments.</summary>
    public int Count
    {
        get
        {
            lock (_events)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<ReminderEvents.ReminderEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// Waits until the reminder sleeps: the newest event after <paramref name="after"/> from a silo
    /// <paramref name="on"/> accepts is an armed wait for its next tick. Returns that event (its silo holds the reminder).
    /// </summary>
    public async Task<ReminderEvents.LocalReminderTickWaitArmed> SleepingAsync(int after = 0, Func<SiloAddress, bool>? on = null, TimeSpan? timeout = null)
    {
        ReminderEvents.LocalReminderTickWaitArmed? armed = null;
        await Eventually.TrueAsync(
            () =>
            {
                armed = Events.Skip(after).LastOrDefault(e => Accepts(on, e)) as ReminderEvents.LocalReminderTickWaitArmed;
                return armed is not null;
            },
            $"reminder {_reminderName} of {_grain} waits for its next tick",
            timeout);
        return armed!;
    }

    /// <summary>
    /// Waits for a tick after <paramref name="after"/>, delivered by a silo <paramref name="on"/> accepts, that the grain
    /// handled without an error.
    /// </summary>
    public async Task<ReminderEvents.TickCompleted> TickedAsync(int after, Func<SiloAddress, bool>? on = null, TimeSpan? timeout = null)
    {
        ReminderEvents.TickCompleted? ticked = null;
        await Eventually.TrueAsync(
            () =>
            {
                ticked = Events.Skip(after).OfType<ReminderEvents.TickCompleted>().FirstOrDefault(e => Accepts(on, e));
                return ticked is not null;
            },
            $"reminder {_reminderName} of {_grain} ticked",
            timeout);
        return ticked!;
    }

    private static bool Accepts(Func<SiloAddress, bool>? on, ReminderEvents.ReminderEvent e) =>
        on is null || (e.SiloAddress is { } silo && on(silo));

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.GrainId != _grain || value.ReminderName != _reminderName)
        {
            return;
        }

        lock (_events)
        {
            _events.Add(value);
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => _subscription.Dispose();
}
