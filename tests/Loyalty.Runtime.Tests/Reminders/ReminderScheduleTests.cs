using Loyalty.Runtime.Core;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void LatestTickAtOrBefore_BeforeStart_IsNull() =>
        Assert.Null(ReminderSchedule.LatestTickAtOrBefore(Start, Minute, Start.AddTicks(-1)));

    [Fact]
    public void LatestTickAtOrBefore_IsAnchoredOnStart()
    {
        Assert.Equal(Start, ReminderSchedule.LatestTickAtOrBefore(Start, Minute, Start));
        Assert.Equal(Start.AddMinutes(2), ReminderSchedule.LatestTickAtOrBefore(Start, Minute, Start.AddMinutes(2).AddSeconds(59)));
        Assert.Equal(Start.AddMinutes(3), ReminderSchedule.LatestTickAtOrBefore(Start, Minute, Start.AddMinutes(3)));
    }

    [Fact]
    public void FirstTickAfter_IsStrictlyAfter()
    {
        Assert.Equal(Start, ReminderSchedule.FirstTickAfter(Start, Minute, Start.AddSeconds(-5)));
        Assert.Equal(Start.AddMinutes(1), ReminderSchedule.FirstTickAfter(Start, Minute, Start));
        Assert.Equal(Start.AddMinutes(4), ReminderSchedule.FirstTickAfter(Start, Minute, Start.AddMinutes(3).AddMilliseconds(1)));
    }

    [Fact]
    public void GetDueTick_NotYetDue_IsNull() =>
        Assert.Null(ReminderSchedule.GetDueTick(Entry(nextDue: Start, lastFired: null), Start.AddTicks(-1)));

    [Fact]
    public void GetDueTick_LateFirstTick_IsDeliveredNotSkipped()
    {
        var tick = ReminderSchedule.GetDueTick(Entry(nextDue: Start, lastFired: null), Start.AddSeconds(59));

        Assert.Equal(new ReminderTick(Start, Start.AddMinutes(1)), tick);
    }

    [Fact]
    public void GetDueTick_OnTime_DeliversTheScheduledTick()
    {
        var tick = ReminderSchedule.GetDueTick(Entry(nextDue: Start.AddMinutes(3), lastFired: Start.AddMinutes(2)), Start.AddMinutes(3));

        Assert.Equal(new ReminderTick(Start.AddMinutes(3), Start.AddMinutes(4)), tick);
    }

    [Fact]
    public void GetDueTick_AfterManyMissedPeriods_DeliversOneCatchUpTickAtTheLatestMissedTime()
    {
        var tick = ReminderSchedule.GetDueTick(Entry(nextDue: Start.AddMinutes(1), lastFired: Start), Start.AddMinutes(10).AddSeconds(30));

        Assert.Equal(new ReminderTick(Start.AddMinutes(10), Start.AddMinutes(11)), tick);
    }

    [Fact]
    public void GetDueTick_TickAlreadyDelivered_OnlyMovesNextDue()
    {
        var tick = ReminderSchedule.GetDueTick(Entry(nextDue: Start.AddMinutes(10), lastFired: Start.AddMinutes(10)), Start.AddMinutes(10).AddSeconds(30));

        Assert.Equal(new ReminderTick(null, Start.AddMinutes(11)), tick);
    }

    [Fact]
    public void GetDueTick_RetryWithinThePeriod_RedeliversTheSameTick()
    {
        var tick = ReminderSchedule.GetDueTick(Entry(nextDue: Start.AddSeconds(20), lastFired: null), Start.AddSeconds(20));

        Assert.Equal(new ReminderTick(Start, Start.AddMinutes(1)), tick);
    }

    [Fact]
    public void GetDueTick_PeriodLongerThan49Days_IsExact()
    {
        var period = TimeSpan.FromDays(90);
        var entry = Entry(nextDue: Start.AddDays(90), lastFired: Start) with { Period = period };

        var tick = ReminderSchedule.GetDueTick(entry, Start.AddDays(200));

        Assert.Equal(new ReminderTick(Start.AddDays(180), Start.AddDays(270)), tick);
    }

    [Fact]
    public void GetSleep_IsClampedToTheRefreshPeriod()
    {
        Assert.Equal(Minute, ReminderSchedule.GetSleep(Start, null, Minute));
        Assert.Equal(Minute, ReminderSchedule.GetSleep(Start, Start.AddDays(60), Minute));
        Assert.Equal(TimeSpan.FromSeconds(5), ReminderSchedule.GetSleep(Start, Start.AddSeconds(5), Minute));
        Assert.Equal(TimeSpan.Zero, ReminderSchedule.GetSleep(Start, Start.AddDays(-3), Minute));
    }

    [Fact]
    public void TruncateToMicroseconds_DropsTheSubMicrosecondPart() =>
        Assert.Equal(Start.AddTicks(120), ReminderSchedule.TruncateToMicroseconds(Start.AddTicks(127).ToOffset(TimeSpan.FromHours(2))));

    private static ReminderEntry Entry(DateTimeOffset nextDue, DateTimeOffset? lastFired) =>
        new(GrainId.Create("card", "c1"), "expiry", Start, Minute, nextDue, lastFired, 1);
}
