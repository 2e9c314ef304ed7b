using Loyalty.Runtime.Core;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Reminders;

/// <summary>
/// Registers durable reminders in <see cref="PostgresReminderTable"/>. Only periodic reminders exist, as in
/// Orleans: a zero or infinite period is rejected; a grain that wants a single tick unregisters in its handler.
/// Periods are stored in whole milliseconds (a finer part is dropped), times in whole microseconds.
/// </summary>
public sealed class ReminderRegistry : IReminderRegistry
{
    public const int MaxNameLength = 150;

    private readonly PostgresReminderTable _table;
    private readonly ReminderWakeSignal _wakeSignal;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumPeriod;

    public ReminderRegistry(PostgresReminderTable table, ReminderWakeSignal wakeSignal, IOptions<ReminderOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(wakeSignal);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Value.Validate();
        _table = table;
        _wakeSignal = wakeSignal;
        _time = time;
        _minimumPeriod = options.Value.MinimumPeriod;
    }

    public async Task<ReminderEntry> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainId, name);
        if (dueTime < TimeSpan.Zero || dueTime > ReminderOptions.MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"The due time of reminder '{name}' must be between zero and {ReminderOptions.MaximumDuration.TotalDays} days.");
        }

        var wholePeriod = TimeSpan.FromTicks(period.Ticks - (period.Ticks % TimeSpan.TicksPerMillisecond));
        if (wholePeriod < _minimumPeriod || wholePeriod > ReminderOptions.MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period),
                period,
                $"The period of reminder '{name}' must be at least the minimum period {_minimumPeriod} (ReminderOptions.MinimumPeriod) and at most {ReminderOptions.MaximumDuration.TotalDays} days; one-shot reminders are not supported.");
        }

        var startAt = ReminderSchedule.TruncateToMicroseconds(_time.GetUtcNow() + dueTime);
        var entry = await _table.UpsertAsync(grainId, name, startAt, wholePeriod, cancellationToken);
        _wakeSignal.Signal();
        return entry;
    }

    public async Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainId, name);

        // No wake-up needed: the service skips a deleted row at its next read.
        await _table.DeleteAsync(grainId, name, cancellationToken);
    }

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        ValidateKey(grainId, name);
        return _table.ReadAsync(grainId, name, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> GetAllAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("A reminder needs a grain id.", nameof(grainId));
        }

        return _table.ReadAllAsync(grainId, cancellationToken);
    }

    private static void ValidateKey(GrainId grainId, string name)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("A reminder needs a grain id.", nameof(grainId));
        }

        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A reminder name has at most {MaxNameLength} characters; '{name[..20]}...' has {name.Length}.", nameof(name));
        }
    }
}
