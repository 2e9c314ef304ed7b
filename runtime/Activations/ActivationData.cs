using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Activations;

/// <summary>
/// One activation of one grain: its instance, its queue of waiting messages and its turn.
/// A message "holds the turn" while it runs unless it may interleave; a message that cannot run yet waits
/// in FIFO order. All bookkeeping happens under <see cref="_lock"/>; grain code runs on <see cref="Scheduler"/>.
/// </summary>
internal sealed partial class ActivationData
{
    private static readonly Func<object?, Task> ExecuteMessage = static state =>
    {
        var message = (Message)state!;
        return message.ExecuteAsync(message.Activation!);
    };

    private readonly Lock _lock = new();
    private readonly GrainRuntime _runtime;
    private readonly Queue<Message> _waiting = new();
    private readonly List<Message> _running = new(1);
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<IActivationParticipant>? _participants;
    private List<GrainTimer>? _timers;
    private ActivationState _state = ActivationState.Created;
    private int _turnHolders;
    private int _writingTurnHolders;
    private DeactivationReason? _pendingDeactivation;
    private bool _drainBeforeDeactivation;
    private long _lastActivityTicks;
    private Grain? _instance;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, GrainRuntime runtime)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        _runtime = runtime;
        _lastActivityTicks = runtime.TimeProvider.GetUtcNow().UtcTicks;
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public GrainRuntime Runtime => _runtime;

    public ActivationTaskScheduler Scheduler { get; } = new();

    public Grain Instance => _instance ?? throw new InvalidOperationException($"Grain {GrainId} is not activated.");

    /// <summary>Completes when the activation has been deactivated and removed from the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    public override string ToString() => $"{GrainId} ({ClassInfo.GrainClass.Name})";

    /// <summary>Accepts a message: runs it now, queues it, forwards it, or fails it if it closes a call cycle.</summary>
    public void Enqueue(Message message)
    {
        var activate = false;
        var forward = false;
        Message? start = null;
        Exception? cycle = null;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Created:
                    _waiting.Enqueue(message);
                    _state = ActivationState.Activating;
                    activate = true;
                    break;
                case ActivationState.Activating:
                    _waiting.Enqueue(message);
                    break;
                case ActivationState.Valid:
                    var interleaves = (message.Options & InvokeMethodOptions.AlwaysInterleave) != 0;
                    var canRun = CanRunLocked(message);
                    if (canRun && (interleaves || _waiting.Count == 0) && _pendingDeactivation is null)
                    {
                        StartLocked(message);
                        start = message;
                    }
                    else if (FindCycleLocked(message) is { } blocking)
                    {
                        // A call made on behalf of a request this activation is running: queueing it behind that request
                        // (or behind a pending deactivation) would deadlock. Run it now if its turn rules allow it.
                        if (canRun)
                        {
                            StartLocked(message);
                            start = message;
                        }
                        else
                        {
                            cycle = CreateCycleException(message, blocking);
                        }
                    }
                    else
                    {
                        _waiting.Enqueue(message);
                    }

                    break;
                case ActivationState.Deactivating:
                    _waiting.Enqueue(message);
                    break;
                default:
                    forward = true;
                    break;
            }
        }

        if (cycle is not null)
        {
            _runtime.Metrics.CallCycles.Add(1);
            message.Fail(cycle);
        }
        else if (start is not null)
        {
            Start(start);
        }
        else if (activate)
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Factory.StartNew(static s => ((ActivationData)s!).ActivateAsync(), this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
            }
        }
        else if (forward)
        {
            // Between becoming Invalid and leaving the catalog a caller may still find this activation: make sure it
            // is gone before forwarding, or the forward would come straight back here.
            _runtime.Catalog.Remove(this);
            _runtime.Redispatch(message);
        }
    }

    /// <summary>Called by a message when it finished running (successfully or not).</summary>
    public void OnMessageCompleted(Message message)
    {
        List<Message>? start;
        var deactivate = false;
        lock (_lock)
        {
            _running.Remove(message);
            ReleaseTurnLocked(message);
            if (message.KeepsAlive)
            {
                _lastActivityTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
            }

            start = PumpLocked(ref deactivate);
        }

        StartAll(start);
        if (deactivate)
        {
            BeginDeactivation();
        }
    }

    /// <summary>
    /// The running message gives up its turn while it waits for a coalesced state write, so the next
    /// queued message may run and join the following write. Its caller is answered only after its write commits.
    /// </summary>
    public void ReleaseTurn(Message message)
    {
        List<Message>? start;
        var deactivate = false;
        lock (_lock)
        {
            if (!message.HoldsTurn)
            {
                return;
            }

            ReleaseTurnLocked(message);
            start = PumpLocked(ref deactivate);
        }

        StartAll(start);
        if (deactivate)
        {
            BeginDeactivation();
        }
    }

    public void OnRequestFailed(Message message, Exception exception)
    {
        _runtime.Metrics.FailedCalls.Add(1);
        LogRequestFailed(_runtime.Logger, exception, message.Target, message.MethodName);
    }

    /// <summary>
    /// Asks for deactivation: after the running messages finish (and, when <paramref name="drainFirst"/>, after the
    /// queue is empty). Messages still queued then go to a fresh activation. Storage failures override a pending
    /// graceful request, since the in-memory state must not be flushed.
    /// </summary>
    public void RequestDeactivation(DeactivationReason reason, bool drainFirst)
    {
        List<Message>? start = null;
        var deactivate = false;
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            var isFailure = reason is DeactivationReason.InconsistentState or DeactivationReason.StorageFailure;
            if (_pendingDeactivation is { } pending && !isFailure && !(pending == DeactivationReason.ShuttingDown && !drainFirst))
            {
                return;
            }

            _pendingDeactivation = reason;
            _drainBeforeDeactivation = drainFirst && !isFailure;
            if (_state == ActivationState.Created)
            {
                _state = ActivationState.Deactivating;
                deactivate = true;
            }
            else if (_state == ActivationState.Valid)
            {
                start = PumpLocked(ref deactivate);
            }
        }

        StartAll(start);
        if (deactivate)
        {
            BeginDeactivation();
        }
    }

    /// <summary>
    /// Deactivates the activation if nothing runs or waits and no call kept it alive for at least <paramref name="age"/>;
    /// checked and decided under one lock, so a call that arrives meanwhile is never collected with it.
    /// </summary>
    public bool TryCollectIfIdle(DateTimeOffset now, TimeSpan age)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid
                || _running.Count > 0
                || _waiting.Count > 0
                || _pendingDeactivation is not null
                || now.UtcTicks - _lastActivityTicks < age.Ticks)
            {
                return false;
            }

            _pendingDeactivation = DeactivationReason.IdleCollection;
            _state = ActivationState.Deactivating;
        }

        BeginDeactivation();
        return true;
    }

    /// <summary>Valid, with nothing running, queued or pending: every effect of earlier work is visible.</summary>
    public bool IsQuiescent
    {
        get
        {
            lock (_lock)
            {
                return _state == ActivationState.Valid && _running.Count == 0 && _waiting.Count == 0 && _pendingDeactivation is null;
            }
        }
    }

    public void AddParticipant(IActivationParticipant participant)
    {
        (_participants ??= []).Add(participant);
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>The message running on the current logical call context, if it belongs to this activation.</summary>
    public Message? CurrentMessage => RuntimeContext.Current is { } message && ReferenceEquals(message.Activation, this) ? message : null;

    private bool CanRunLocked(Message message)
    {
        if (_turnHolders == 0 || ClassInfo.IsReentrant || (message.Options & InvokeMethodOptions.AlwaysInterleave) != 0)
        {
            return true;
        }

        return (message.Options & InvokeMethodOptions.ReadOnly) != 0 && _writingTurnHolders == 0;
    }

    private void StartLocked(Message message)
    {
        message.Activation = this;
        if ((message.Options & InvokeMethodOptions.AlwaysInterleave) == 0)
        {
            message.HoldsTurn = true;
            _turnHolders++;
            if ((message.Options & InvokeMethodOptions.ReadOnly) == 0)
            {
                _writingTurnHolders++;
            }
        }

        _running.Add(message);
        if (message.KeepsAlive)
        {
            _lastActivityTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
        }
    }

    private void ReleaseTurnLocked(Message message)
    {
        if (!message.HoldsTurn)
        {
            return;
        }

        message.HoldsTurn = false;
        _turnHolders--;
        if ((message.Options & InvokeMethodOptions.ReadOnly) == 0)
        {
            _writingTurnHolders--;
        }
    }

    private List<Message>? PumpLocked(ref bool deactivate)
    {
        if (_state != ActivationState.Valid)
        {
            return null;
        }

        List<Message>? start = null;
        var draining = _pendingDeactivation is null || _drainBeforeDeactivation;
        while (draining && _waiting.TryPeek(out var next))
        {
            if (next.IsCompleted)
            {
                _waiting.Dequeue();
                continue;
            }

            if (!CanRunLocked(next))
            {
                break;
            }

            _waiting.Dequeue();
            StartLocked(next);
            (start ??= []).Add(next);
        }

        if (_pendingDeactivation is not null && _running.Count == 0 && (!_drainBeforeDeactivation || _waiting.Count == 0))
        {
            _state = ActivationState.Deactivating;
            deactivate = true;
        }

        return start;
    }

    private Message? FindCycleLocked(Message message)
    {
        if (message.Chain is null)
        {
            return null;
        }

        foreach (var running in _running)
        {
            if (running.HoldsTurn && message.Chain.Contains(running.Id))
            {
                return running;
            }
        }

        return null;
    }

    private CallCycleException CreateCycleException(Message message, Message blocking) =>
        new CallCycleException(
            $"Call cycle: {message.Chain!.Describe()} → {message} cannot run, because {GrainId} is busy with {blocking.MethodName}, " +
            $"which is waiting for this very call (silo {_runtime.SiloName}). Mark the method [AlwaysInterleave] or [ReadOnly], " +
            "or the grain class [Reentrant], or break the cycle.");

    // The caller's execution context (HTTP request, activity, log scopes) must not become the grain's: each message
    // sets its own RuntimeContext.
    private void Start(Message message)
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(ExecuteMessage, message, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
        }
    }

    private void StartAll(List<Message>? messages)
    {
        if (messages is null)
        {
            return;
        }

        foreach (var message in messages)
        {
            Start(message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {GrainId}.{Method} failed")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception, GrainId grainId, string method);
}
