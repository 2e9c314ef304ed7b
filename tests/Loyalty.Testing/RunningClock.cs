namespace Loyalty.Testing;

/// <summary>
/// A clock that follows a <see cref="ManualTimeProvider"/> but keeps running: it shows the manual clock's time plus the
/// real time passed since the manual clock last moved (never going back), and jumps when the manual clock is advanced.
/// Its timers fire on the thread pool once its time reaches their due time: right after an advance that passes them.
/// </summary>
/// <remarks>
/// For code that waits for deadlines in a loop, like Orleans' reminder service (<c>DelayUntilAsync</c>:
/// <c>Task.Delay(remaining, clock)</c> until the deadline has passed). <c>Task.Delay</c> rounds a wait down to whole
/// milliseconds and completes at once for less than one, so on a frozen clock a deadline a timer fired just short of
/// spins forever, inside <see cref="ManualTimeProvider.Advance"/> when that timer fired there. On this clock time
/// moves, so such a loop ends; and a test still moves the reminders through days with
/// <see cref="ManualTimeProvider.Advance"/>, with the grains (on the manual clock itself) seeing exact times.
/// </remarks>
public sealed class RunningClock : TimeProvider
{
    // System timers take at most 0xfffffffe ms; a later due time is reached in steps.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(40);

    private readonly ManualTimeProvider _manual;
    private readonly Lock _lock = new();
    private readonly HashSet<RunningTimer> _timers = [];
    private DateTimeOffset _manualAt;
    private long _manualSeenAt;
    private DateTimeOffset _last;

    public RunningClock(ManualTimeProvider manual)
    {
        ArgumentNullException.ThrowIfNull(manual);
        _manual = manual;
        _manualAt = manual.GetUtcNow();
        _manualSeenAt = System.GetTimestamp();
        _last = _manualAt;
        manual.Moved += OnManualMoved;
    }

    public override TimeZoneInfo LocalTimeZone => _manual.LocalTimeZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        var manual = _manual.GetUtcNow();
        lock (_lock)
        {
            if (manual != _manualAt)
            {
                _manualAt = manual;
                _manualSeenAt = System.GetTimestamp();
            }

            var now = _manualAt + System.GetElapsedTime(_manualSeenAt);
            if (now > _last)
            {
                _last = now;
            }

            return _last;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new RunningTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void OnManualMoved()
    {
        List<RunningTimer> timers;
        lock (_lock)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Schedule();
        }
    }

    private void Remove(RunningTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class RunningTimer : ITimer
    {
        private readonly RunningClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _wakeUp;
        private readonly Lock _lock = new();
        private DateTimeOffset? _due;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public RunningTimer(RunningClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _wakeUp = System.CreateTimer(static self => ((RunningTimer)self!).OnWakeUp(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var now = _clock.GetUtcNow();
            lock (_lock)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }

            Schedule();
            return true;
        }

        /// <summary>Sets the real timer to wake this one when the clock reaches its due time (now, if it has).</summary>
        public void Schedule()
        {
            var now = _clock.GetUtcNow();
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                if (_due is not { } due)
                {
                    _wakeUp.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    return;
                }

                var wait = due - now;
                _wakeUp.Change(wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > MaxTimerDelay ? MaxTimerDelay : wait, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _due = null;
            }

            _wakeUp.Dispose();
            _clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void OnWakeUp()
        {
            var now = _clock.GetUtcNow();
            lock (_lock)
            {
                if (_disposed || _due is not { } due)
                {
                    return;
                }

                if (now < due)
                {
                    // Woken early (a long wait in steps, or the manual clock moved meanwhile): wait for the rest.
                    _wakeUp.Change((due - now) > MaxTimerDelay ? MaxTimerDelay : due - now, Timeout.InfiniteTimeSpan);
                    return;
                }

                // A periodic timer that missed periods fires once for them, as a real one does after a long pause.
                _due = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero
                    ? null
                    : due + TimeSpan.FromTicks(((now - due).Ticks / _period.Ticks + 1) * _period.Ticks);
            }

            Schedule();
            _callback(_state);
        }
    }
}
