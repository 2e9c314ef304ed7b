using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Reminders;

/// <summary>
/// A stored reminder: ticks are due at <see cref="StartAt"/> + N × <see cref="Period"/>.
/// <see cref="LastFiredTick"/> is the scheduled time of the last delivered tick; <see cref="NextDue"/> the next one,
/// or, after a failed delivery, when that tick is tried again.
/// </summary>
public sealed record ReminderEntry(
    GrainId GrainId,
    string Name,
    DateTimeOffset StartAt,
    TimeSpan Period,
    DateTimeOffset NextDue,
    DateTimeOffset? LastFiredTick,
    long Version);
