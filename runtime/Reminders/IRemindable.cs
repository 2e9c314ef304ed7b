namespace Loyalty.Runtime.Reminders;

/// <summary>Implemented by grain classes that register reminders: each tick arrives as an ordinary grain call.</summary>
public interface IRemindable
{
    /// <summary>A reminder fell due. Throwing makes the tick count as not delivered: it is retried.</summary>
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}
