namespace Loyalty.Runtime.Activations;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>It received no call for longer than its collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down gracefully: queued calls were drained and state flushed first.</summary>
    ShuttingDown,

    /// <summary>A state write found another version: the in-memory state is stale and is dropped unflushed.</summary>
    InconsistentState,

    /// <summary>A state write failed: the in-memory state no longer matches what callers were told, so it is dropped.</summary>
    StorageFailure,

    /// <summary>The silo no longer owns the grain after a membership change.</summary>
    OwnershipChanged,
}
