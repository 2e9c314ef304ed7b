namespace Loyalty.Runtime.Membership;

/// <summary>Where a silo is in its life. A silo only moves forward; <see cref="Dead"/> is final.</summary>
public enum SiloStatus
{
    /// <summary>Started, not yet serving.</summary>
    Joining,

    /// <summary>Serving; may declare silos with a stale heartbeat dead.</summary>
    Active,

    /// <summary>Stopping gracefully: draining its activations, still heartbeating.</summary>
    ShuttingDown,

    /// <summary>Stopped, or declared dead by another silo. Never changes again.</summary>
    Dead,
}
