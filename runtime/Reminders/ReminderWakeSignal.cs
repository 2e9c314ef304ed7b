namespace Loyalty.Runtime.Reminders;

/// <summary>
/// Lets the registry wake the in-process <see cref="ReminderService"/> when the schedule changed, so a reminder
/// due sooner than the service's current sleep is not delayed until the next refresh.
/// </summary>
public sealed class ReminderWakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next <see cref="Signal"/>. The service takes it before reading the table, so a change
    /// made while it reads or delivers is never missed.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Signal()
    {
        var fired = Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        fired.TrySetResult();
    }
}
