using System.Diagnostics;

namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>Waits for a condition, re-checking at each change notification, with a real-time deadline (no sleeps).</summary>
internal static class NotifiedWait
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task WaitAsync(Func<bool> condition, Func<Task> nextChange, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var change = nextChange();
            if (condition())
            {
                return;
            }

            var remaining = Deadline - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out after {Deadline} waiting until {what}.");
            }

            try
            {
                await change.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top of the loop, then reported.
            }
        }
    }
}
