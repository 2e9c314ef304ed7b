using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Activations;

/// <summary>Activation and deactivation of an <see cref="ActivationData"/>.</summary>
internal sealed partial class ActivationData
{
    /// <summary>Creates the instance, loads its states, runs OnActivateAsync; then releases queued messages.</summary>
    private async Task ActivateAsync()
    {
        RuntimeContext.Current = null;
        var started = _runtime.TimeProvider.GetTimestamp();
        try
        {
            await _runtime.AwaitHandOffAsync(GrainId);
            _instance = ClassInfo.Create(_runtime.Services, this);
            var timeout = _runtime.Options.ActivationTimeout;
            using var cancellation = new CancellationTokenSource(timeout, _runtime.TimeProvider);
            if (_participants is not null)
            {
                foreach (var participant in _participants)
                {
                    await participant.OnActivateAsync().WaitAsync(timeout, _runtime.TimeProvider);
                }
            }

            await _instance.OnActivateAsync(cancellation.Token).WaitAsync(timeout, _runtime.TimeProvider);
        }
        catch (Exception exception)
        {
            LogActivationFailed(_runtime.Logger, exception, GrainId, _runtime.SiloName);
            Abandon(new GrainActivationException($"Activating grain {GrainId} on silo {_runtime.SiloName} failed: {exception.Message}", exception));
            return;
        }

        _runtime.Metrics.OnActivated(ClassInfo.GrainType, _runtime.TimeProvider.GetElapsedTime(started));
        List<Message>? start;
        var deactivate = false;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            start = PumpLocked(ref deactivate);
        }

        StartAll(start);
        if (deactivate)
        {
            BeginDeactivation();
        }
    }

    private void BeginDeactivation()
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(static s => ((ActivationData)s!).DeactivateAsync(), this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
        }
    }

    /// <summary>
    /// Stops timers, flushes pending state (unless the state is known stale), runs OnDeactivateAsync, leaves the
    /// catalog, and sends the messages that arrived meanwhile to a fresh activation.
    /// </summary>
    private async Task DeactivateAsync()
    {
        RuntimeContext.Current = null;
        var reason = _pendingDeactivation ?? DeactivationReason.ApplicationRequested;
        DisposeTimers();
        var stateIsStale = reason is DeactivationReason.InconsistentState or DeactivationReason.StorageFailure;
        try
        {
            var timeout = _runtime.Options.DeactivationTimeout;
            if (_participants is not null && !stateIsStale)
            {
                foreach (var participant in _participants)
                {
                    await participant.OnDeactivateAsync().WaitAsync(timeout, _runtime.TimeProvider);
                }
            }

            if (_instance is not null)
            {
                using var cancellation = new CancellationTokenSource(timeout, _runtime.TimeProvider);
                await _instance.OnDeactivateAsync(reason, cancellation.Token).WaitAsync(timeout, _runtime.TimeProvider);
            }
        }
        catch (Exception exception)
        {
            LogDeactivationFailed(_runtime.Logger, exception, GrainId, reason);
        }
        finally
        {
            // Leave the catalog first: from here a new activation may start (every write of this one has finished),
            // and calls that still reach this one are forwarded to it below.
            var waiting = LeaveCatalog();

            if (_instance is not null)
            {
                _runtime.Metrics.OnDeactivated(ClassInfo.GrainType, reason);
            }

            LogDeactivated(_runtime.Logger, GrainId, reason, waiting.Count);
            _deactivated.TrySetResult();
            foreach (var message in waiting)
            {
                _runtime.Redispatch(message);
            }
        }
    }

    /// <summary>
    /// Drops the activation at once, with no flush and no <c>OnDeactivateAsync</c>: its activation failed, or its
    /// silo is killed (tests simulate a crash). Its timers stop and the calls waiting for it fail with
    /// <paramref name="failure"/>.
    /// </summary>
    public void Abandon(Exception failure)
    {
        var waiting = LeaveCatalog();

        DisposeTimers();
        _deactivated.TrySetResult();
        foreach (var message in waiting)
        {
            message.Fail(failure);
        }
    }

    /// <summary>Leaves the catalog, becomes invalid, and hands back the calls that were waiting for this activation.</summary>
    private List<Message> LeaveCatalog()
    {
        _runtime.Catalog.Remove(this);
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            List<Message> waiting = [.. _waiting];
            _waiting.Clear();
            return waiting;
        }
    }

    private void DisposeTimers()
    {
        List<GrainTimer>? timers;
        lock (_lock)
        {
            timers = _timers;
            _timers = null;
        }

        if (timers is null)
        {
            return;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of {GrainId} on silo {Silo} failed")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, GrainId grainId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deactivation of {GrainId} ({Reason}) did not complete cleanly")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason}); {Forwarded} queued calls go to a new activation")]
    private static partial void LogDeactivated(ILogger logger, GrainId grainId, DeactivationReason reason, int forwarded);
}
