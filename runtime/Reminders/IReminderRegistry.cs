using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Reminders;

/// <summary>Registers and removes a grain's durable reminders (used by <c>Grain</c>'s reminder helpers).</summary>
public interface IReminderRegistry
{
    /// <summary>
    /// Creates or replaces the reminder: first tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.
    /// Due times of any length work (no 49-day timer limit).
    /// </summary>
    Task<ReminderEntry> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder; removing one that does not exist does nothing.</summary>
    Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken = default);
}
