using Loyalty.Runtime.Reminders;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>Moves the manual clock and waits until the reminder service has run a pass and sleeps again.</summary>
internal static class ReminderSteps
{
    public static async Task AdvanceToNextTickAsync(CardSilo silo, TimeSpan by)
    {
        var service = silo.Silo.Services.GetRequiredService<ReminderService>();

        // Move the clock only while the service sleeps on an armed timer, never in the middle of a pass.
        await Eventually.TrueAsync(() => service.NextWakeUp is not null, "the reminder service is asleep");
        var passes = service.IdlePasses;
        silo.Time.Advance(by);
        await Eventually.TrueAsync(() => service.IdlePasses > passes && service.NextWakeUp is not null, "the reminder service ran a pass");
    }
}
