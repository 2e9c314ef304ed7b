namespace Loyalty.Runtime.Timers;

/// <summary>How a grain timer ticks.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with calls (otherwise a tick waits for its turn like a call).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity, keeping the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
