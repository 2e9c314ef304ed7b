namespace Loyalty.Runtime.Reminders;

/// <summary>
/// What to do with a due reminder: deliver the tick scheduled at <see cref="TickTime"/> (none when null,
/// because it was already delivered) and then store <see cref="NextDue"/>.
/// </summary>
internal readonly record struct ReminderTick(DateTimeOffset? TickTime, DateTimeOffset NextDue);
