using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Reminders;

/// <summary>
/// Delivers a tick to a grain as an ordinary grain call (activating it if needed), implemented by the
/// runtime. The returned task completes when the grain's <see cref="IRemindable.ReceiveReminderAsync"/> did.
/// </summary>
public interface IReminderTickSink
{
    Task DeliverAsync(GrainId grainId, string reminderName, TickStatus status, CancellationToken cancellationToken);
}
