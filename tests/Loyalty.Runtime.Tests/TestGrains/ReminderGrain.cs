using Loyalty.Runtime.Activations;
using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.TestGrains;

public sealed class ReminderGrain(GrainProbe probe) : Grain, IReminderGrain, IRemindable
{
    public const string ReminderName = "test";

    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminderAsync(ReminderName, dueTime, period);

    public Task StopAsync() => UnregisterReminderAsync(ReminderName);

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        probe.For(GrainId).Ticks.Enqueue(status);
        return Task.CompletedTask;
    }
}
