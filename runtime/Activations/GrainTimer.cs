using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Timers;

namespace Loyalty.Runtime.Activations;

/// <summary>
/// A timer owned by one activation. Each tick is queued to the activation as a message, so it takes a turn
/// like a call; the next tick is armed only after the callback finished, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainTimerCreationOptions _options;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private TimeSpan _period;
    private TimeSpan? _pendingDueTime;
    private bool _ticking;

    private GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _options = options;
        _period = options.Period;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public static GrainTimer Start(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(activation, callback, options);
        activation.AddTimer(timer);
        timer._timer.Change(options.DueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_timer)
        {
            _period = period;
            if (_ticking)
            {
                // Re-arming now could start the next tick while this one runs; the tick re-arms when it ends.
                _pendingDueTime = dueTime;
                return;
            }
        }

        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task RunTickAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        lock (_timer)
        {
            _ticking = true;
        }

        try
        {
            await _callback(_disposed.Token);
        }
#pragma warning disable CA1031 // A failing tick is logged; it must not stop the timer or fail the activation.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            TimerLog.TickFailed(_activation.Runtime.Logger, exception, _activation.GrainId);
        }

        TimeSpan? next;
        lock (_timer)
        {
            _ticking = false;
            next = _pendingDueTime ?? (_period == Timeout.InfiniteTimeSpan ? null : _period);
            _pendingDueTime = null;
        }

        if (!_disposed.IsCancellationRequested && next is { } due)
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _activation.Enqueue(new TimerTickMessage(this, _activation.GrainId, _options));
        }
    }
}
