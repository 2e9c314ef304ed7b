using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Placement;
using Loyalty.Runtime.Reminders;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Activations;

/// <summary>Placement: which calls this silo runs, which it sends on, and the hand-off when ownership moves.</summary>
internal sealed partial class GrainRuntime
{
    /// <summary>A call passed on this many times is run where it is, or fails if this silo takes no grains.</summary>
    internal const int MaxHops = 3;

    /// <summary>
    /// The address of the silo to send <paramref name="message"/> to, or null to run it here. A call made in this
    /// process goes to the owner; a call that arrived already forwarded is not forwarded again (views may differ for
    /// a moment; the conditional state writes keep a second activation harmless), except from a silo that is
    /// leaving, which passes every grain it no longer runs to the owner that remains.
    /// </summary>
    private string? RemoteRouteOf(Message message)
    {
        var ring = Placement.Current;
        var self = Placement.LocalSiloId;
        if (Catalog.IsClosed)
        {
            if (message.Hops >= MaxHops)
            {
                throw new SiloUnavailableException($"Silo {SiloName} is leaving and the call to {message.Target} was already passed on {message.Hops} times; retry it.");
            }

            return ring.Owners.OwnerOf(message.Target.GetUniformHashCode(), except: self)?.Address
                ?? throw new SiloUnavailableException($"Silo {SiloName} is leaving and no other silo is active to take {message.Target}; retry later.");
        }

        if (message.IsInbound && message.Hops > 0 && !message.Rerouted)
        {
            return null;
        }

        var route = ring.RouteOf(message.Target);
        return route is null || route.SiloId == self ? null : route.Address;
    }

    /// <summary>
    /// A call could not reach <paramref name="address"/>. Wait for membership to change (the silo is declared dead,
    /// or it left) and route the call again; until its deadline, when the call tracker fails it.
    /// </summary>
    internal void RerouteAfterMembershipChange(Message message, string address, long knownVersion, Exception failure)
    {
        LogUnreachable(Logger, failure, address, message.Target, message.MethodName);
        _ = WaitAndRerouteAsync();

        async Task WaitAndRerouteAsync()
        {
            var deadline = message.Deadline ?? TimeProvider.GetUtcNow() + Options.CallTimeout;
            using var timeout = new CancellationTokenSource(Max(deadline - TimeProvider.GetUtcNow(), TimeSpan.Zero), TimeProvider);
            try
            {
                var membership = Placement.Membership;
                var view = await membership.WaitForChangeAsync(knownVersion, timeout.Token).ConfigureAwait(false);

                // Changes that leave the silo on the ring (another silo joined) change nothing for this call.
                while (Placement.Current.RouteOf(message.Target)?.Address == address)
                {
                    view = await membership.WaitForChangeAsync(view.Version, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                message.Fail(new SiloUnavailableException($"Silo at {address} could not be reached for {message} and the cluster did not move {message.Target} elsewhere before the call's deadline; retry later.", failure));
                return;
            }

            message.Rerouted = true;
            Metrics.ReroutedCalls.Add(1);
            Redispatch(message);
        }
    }

    /// <summary>
    /// After a membership change: deactivates (flushing their state) the activations this silo no longer owns, so
    /// their next calls activate them on the owner. Does nothing while this silo is not on the ring itself.
    /// </summary>
    internal int HandOffForeignActivations()
    {
        if (!IsClustered || Catalog.IsClosed)
        {
            return 0;
        }

        var ring = Placement.Current;
        var self = Placement.LocalSiloId;
        if (!ring.Owners.Contains(self))
        {
            return 0;
        }

        var handedOff = 0;
        foreach (var activation in Catalog.Snapshot())
        {
            if (ring.OwnerOf(activation.GrainId) is { } owner && owner.SiloId != self)
            {
                activation.RequestDeactivation(DeactivationReason.OwnershipChanged, drainFirst: false);
                handedOff++;
            }
        }

        if (handedOff > 0)
        {
            Metrics.HandOffs.Add(handedOff);
            LogHandingOff(Logger, SiloName, handedOff, ring.Owners.Members.Count);
        }

        return handedOff;
    }

    /// <summary>Runs <see cref="HandOffForeignActivations"/> after every membership change until stopped.</summary>
    internal async Task RunHandOffLoopAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var view in Placement.Membership.WatchAsync(stopping).ConfigureAwait(false))
            {
                HandOffForeignActivations();

                // The reminder ranges this silo owns may have changed with the ring.
                Services.GetService<ReminderWakeSignal>()?.Signal();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>How long after a ring change a new owner asks the previous owner to hand a grain over first.</summary>
    internal static readonly TimeSpan HandOffWindow = TimeSpan.FromMinutes(1);

    /// <summary>How long a new owner waits for the previous owner to flush a grain before it activates it anyway.</summary>
    internal static readonly TimeSpan HandOffTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Before activating a grain this silo came to own with a recent ring change: asks the previous owner (if it is
    /// still alive) to finish and flush its activation, so that this one reads the latest state. Without an answer
    /// within <see cref="HandOffTimeout"/> the activation goes ahead: the conditional writes keep state correct.
    /// </summary>
    internal async Task AwaitHandOffAsync(GrainId grainId)
    {
        if (!IsClustered)
        {
            return;
        }

        var (previous, replacedAt) = Placement.Previous;
        var self = Placement.LocalSiloId;
        if (TimeProvider.GetUtcNow() - replacedAt > HandOffWindow
            || previous.OwnerOf(grainId) is not { } owner
            || owner.SiloId == self
            || Placement.Membership.Current.Find(owner.SiloId) is not { Status: SiloStatus.Active or SiloStatus.ShuttingDown })
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(HandOffTimeout, TimeProvider);
            var call = new OutboundCall(grainId, Chain: null, TimeProvider.GetUtcNow() + HandOffTimeout, Hops: 0);
            await Transport.SendAsync(owner.Address, call, HandOffRequest.Instance, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogHandOffFailed(Logger, exception, grainId, owner.Name);
        }
    }

    /// <summary>Answers a new owner's <see cref="HandOffRequest"/>: deactivates (flushing) this silo's activation of the grain.</summary>
    private async Task<VoidResult> HandOverAsync(GrainId grainId)
    {
        if (Catalog.TryGet(grainId, out var activation))
        {
            Metrics.HandOffs.Add(1);
            activation.RequestDeactivation(DeactivationReason.OwnershipChanged, drainFirst: false);
            await activation.Deactivated.WaitAsync(HandOffTimeout, TimeProvider).ConfigureAwait(false);
        }

        return default;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Previous owner {Silo} did not hand {GrainId} over; activating it anyway")]
    private static partial void LogHandOffFailed(ILogger logger, Exception exception, GrainId grainId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo at {Address} unreachable for {GrainId}.{Method}; the call waits for membership to route it again")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string address, GrainId grainId, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} hands off {Count} activations it no longer owns (ring of {Silos} active silos)")]
    private static partial void LogHandingOff(ILogger logger, string silo, int count, int silos);
}
