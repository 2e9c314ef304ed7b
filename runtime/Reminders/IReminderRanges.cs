namespace Loyalty.Runtime.Reminders;

/// <summary>Which part of the hash ring this silo fires reminders for.</summary>
public interface IReminderRanges
{
    /// <summary>
    /// The ranges this silo owns now: the whole ring for a silo alone, none while it is not an active member.
    /// The service reads it on every pass, and the owner of the ranges signals <see cref="ReminderWakeSignal"/>
    /// when it changes.
    /// </summary>
    IReadOnlyList<GrainHashRange> Current { get; }
}

/// <summary>A silo that fires every reminder: one silo alone, or one outside any cluster.</summary>
public sealed class WholeRingReminderRanges : IReminderRanges
{
    public IReadOnlyList<GrainHashRange> Current { get; } = [GrainHashRange.FullRing];
}
