namespace Loyalty.Runtime.Reminders;

/// <summary>
/// Describes one reminder tick. <see cref="CurrentTickTime"/> is the scheduled time of the tick, which
/// after downtime may lie well in the past: missed ticks are coalesced into one catch-up tick.
/// </summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
