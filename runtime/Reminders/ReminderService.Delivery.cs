using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Reminders;

public sealed partial class ReminderService
{
    private async Task ProcessAsync(ReminderEntry entry, DateTimeOffset now, CancellationToken stopping)
    {
        if (ReminderSchedule.GetDueTick(entry, now) is not { } tick)
        {
            return;
        }

        if (tick.TickTime is { } tickTime)
        {
            var status = new TickStatus(entry.StartAt, entry.Period, tickTime);
            _metrics.RecordReminderTardiness(_time.GetUtcNow() - tickTime);
            try
            {
                await _sink.DeliverAsync(entry.GrainId, entry.Name, status, stopping);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // Not advanced: last_fired_tick stays, only the next attempt moves (never past the next scheduled tick).
                _metrics.ReminderTickFailed();
                var retryAt = _time.GetUtcNow() + _options.RetryDelay;
                _logger.LogWarning(
                    ex,
                    "Reminder {ReminderName} of {GrainId} failed its tick of {TickTime}; retrying at {RetryAt}",
                    entry.Name,
                    entry.GrainId,
                    tickTime,
                    retryAt);
                var nextAttempt = ReminderSchedule.TruncateToMicroseconds(retryAt < tick.NextDue ? retryAt : tick.NextDue);
                await RecordAsync(entry, entry.LastFiredTick, nextAttempt, stopping);
                return;
            }

            _metrics.ReminderTickDelivered();
        }

        // A delivered tick is recorded even while stopping, so a restart never delivers it again.
        await RecordAsync(entry, tick.TickTime ?? entry.LastFiredTick, tick.NextDue, CancellationToken.None);
    }

    private async Task RecordAsync(ReminderEntry entry, DateTimeOffset? lastFiredTick, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        var version = await _table.TryRecordTickAsync(entry.GrainId, entry.Name, entry.Version, lastFiredTick, nextDue, cancellationToken);
        if (version is null)
        {
            // Re-registered or removed while the tick was in flight: the newer registration wins.
            _logger.LogDebug(
                "Reminder {ReminderName} of {GrainId} changed since version {Version}; its tick was not recorded",
                entry.Name,
                entry.GrainId,
                entry.Version);
        }
    }
}
