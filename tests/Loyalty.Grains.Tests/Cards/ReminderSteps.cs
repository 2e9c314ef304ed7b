using Loyalty.Testing;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>Moves the manual clock while a reminder sleeps, and waits until the tick that fell due has run.</summary>
internal static class ReminderSteps
{
    public static async Task AdvanceToNextTickAsync(LoyaltyTestCluster cluster, ReminderWatch reminder, TimeSpan by)
    {
        // Move the clock only while the reminder waits on an armed timer: one armed after the move would count from
        // the new time and tick a period late.
        await reminder.SleepingAsync();
        var mark = reminder.Count;
        cluster.Time.Advance(by);
        await reminder.TickedAsync(mark);
        await reminder.SleepingAsync(mark);
    }
}
