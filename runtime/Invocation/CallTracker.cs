using System.Collections.Concurrent;
using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// Pending calls and their deadlines. One periodic sweep (on the injected clock) fails the calls whose deadline
/// passed, which costs far less than a timer per call and lets tests move time instead of waiting.
/// </summary>
internal sealed class CallTracker : IDisposable
{
    private readonly ConcurrentDictionary<long, ITrackedCall> _pending = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweep;
    private readonly string _siloName;
    private readonly Action _onTimeout;

    public CallTracker(TimeProvider timeProvider, TimeSpan period, string siloName, Action onTimeout)
    {
        _timeProvider = timeProvider;
        _siloName = siloName;
        _onTimeout = onTimeout;
        _sweep = timeProvider.CreateTimer(static s => ((CallTracker)s!).Sweep(), this, period, period);
    }

    public int PendingCount => _pending.Count;

    public void Track(long id, ITrackedCall call) => _pending[id] = call;

    public void Untrack(long id) => _pending.TryRemove(id, out _);

    private void Sweep()
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var (id, call) in _pending)
        {
            if (call.Deadline <= now && _pending.TryRemove(id, out _))
            {
                _onTimeout();
                call.Expire(new GrainCallTimeoutException(
                    $"Call {call} on silo {_siloName} did not complete by its deadline {call.Deadline:O}. " +
                    "The grain may still complete it: the outcome is unknown, so retry only with the same idempotency key."));
            }
        }
    }

    public void Dispose() => _sweep.Dispose();
}
