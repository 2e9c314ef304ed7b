using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;
using Loyalty.Runtime.Timers;

namespace Loyalty.Runtime.Activations;

/// <summary>
/// Base class of grain implementations. The runtime creates instances (through dependency injection,
/// with <c>[PersistentState]</c> parameters bound to the activation) and calls them one turn at a time.
/// </summary>
public abstract class Grain
{
    private readonly ActivationData _activation;

    protected Grain()
    {
        _activation = ActivationData.UnderConstruction
            ?? throw new InvalidOperationException("Grains are created by the runtime: get a reference with IGrainFactory.GetGrain.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _activation.GrainId;

    /// <summary>References to other grains (and to this one).</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    /// <summary>Called after the grain's states are loaded and before its first call runs.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called on deactivation, after the last call. Best effort: a crash skips it.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once its running calls complete; calls queued meanwhile go to a new activation.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.ApplicationRequested, drainFirst: false);

    /// <summary>
    /// A timer that belongs to this activation: its callback runs as a turn, never overlapping itself; the next
    /// tick is scheduled after the callback completes. It dies with the activation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        return GrainTimer.Start(_activation, callback, options);
    }

    /// <summary>Creates or replaces a durable reminder; ticks arrive through <see cref="IRemindable.ReceiveReminderAsync"/>.</summary>
    protected Task<ReminderEntry> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        return _activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    protected Task UnregisterReminderAsync(string reminderName) => _activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName);

    protected Task<ReminderEntry?> GetReminderAsync(string reminderName) => _activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    public override string ToString() => $"{GetType().Name} {GrainId}";
}
