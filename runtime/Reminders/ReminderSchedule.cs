namespace Loyalty.Runtime.Reminders;

/// <summary>
/// The tick arithmetic of reminders, free of I/O. Ticks are scheduled at startAt + N × period, so
/// delivery latency never shifts later ticks; missed ticks are coalesced into the latest one.
/// </summary>
internal static class ReminderSchedule
{
    /// <summary>The latest scheduled tick at or before <paramref name="now"/>, or null before the first one.</summary>
    public static DateTimeOffset? LatestTickAtOrBefore(DateTimeOffset startAt, TimeSpan period, DateTimeOffset now)
    {
        RequirePositive(period);
        if (now < startAt)
        {
            return null;
        }

        var elapsedPeriods = (now - startAt).Ticks / period.Ticks;
        return startAt + TimeSpan.FromTicks(elapsedPeriods * period.Ticks);
    }

    /// <summary>The first scheduled tick strictly after <paramref name="instant"/>.</summary>
    public static DateTimeOffset FirstTickAfter(DateTimeOffset startAt, TimeSpan period, DateTimeOffset instant)
    {
        var latest = LatestTickAtOrBefore(startAt, period, instant);
        return latest is { } tick ? tick + period : startAt;
    }

    /// <summary>
    /// Decides what a reminder owes at <paramref name="now"/>: null when it is not due yet; otherwise one tick,
    /// the latest scheduled one at or before now (a late first tick is delivered, several missed ticks
    /// become one catch-up tick), and the first scheduled tick after now as the next due time. A tick at or
    /// before the last delivered one is never delivered again.
    /// </summary>
    public static ReminderTick? GetDueTick(ReminderEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.NextDue > now)
        {
            return null;
        }

        var nextDue = FirstTickAfter(entry.StartAt, entry.Period, now);
        var tick = LatestTickAtOrBefore(entry.StartAt, entry.Period, now);
        if (tick is null || (entry.LastFiredTick is { } lastFired && tick <= lastFired))
        {
            // Nothing new to deliver (the row's next_due was behind); only move next_due to the schedule.
            return new ReminderTick(null, nextDue);
        }

        return new ReminderTick(tick, nextDue);
    }

    /// <summary>
    /// How long the service sleeps: until the earliest due reminder, but never longer than
    /// <paramref name="refreshPeriod"/>, so no timer is ever given a due time near the 49.7-day limit.
    /// </summary>
    public static TimeSpan GetSleep(DateTimeOffset now, DateTimeOffset? earliestDue, TimeSpan refreshPeriod)
    {
        if (earliestDue is not { } due)
        {
            return refreshPeriod;
        }

        var untilDue = due - now;
        return untilDue <= TimeSpan.Zero ? TimeSpan.Zero : (untilDue < refreshPeriod ? untilDue : refreshPeriod);
    }

    /// <summary>Drops what PostgreSQL's timestamptz cannot hold, so stored and computed times compare equal.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private static void RequirePositive(TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder period must be positive.");
        }
    }
}
