using Loyalty.Runtime.Core;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Runtime.Reminders;

/// <summary>
/// The <c>reminders</c> table (migration 0002) of one service id. Every write bumps the version; a tick is
/// recorded only against the version it was computed from. Times come from the caller's clock, never from SQL.
/// </summary>
public sealed class PostgresReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, next_due, last_fired_tick, version";

    private const string UpsertSql = """
        INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, next_due, last_fired_tick, version)
        VALUES (@service, @grain, @name, @hash, @start, @period, @start, NULL, 1)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_at = EXCLUDED.start_at, period_ms = EXCLUDED.period_ms, next_due = EXCLUDED.next_due,
            last_fired_tick = NULL, version = reminders.version + 1
        RETURNING
        """ + " " + Columns;

    private const string DeleteSql = "DELETE FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name";

    private const string ReadOneSql = "SELECT " + Columns + " FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name";

    private const string ReadGrainSql = "SELECT " + Columns + " FROM reminders WHERE service_id = @service AND grain_id = @grain ORDER BY reminder_name";

    private const string DueSql = "SELECT " + Columns + " FROM reminders WHERE service_id = @service AND next_due <= @until";
    private const string DueOrder = " ORDER BY next_due LIMIT @limit";

    private const string EarliestSql = "SELECT min(next_due) FROM reminders WHERE service_id = @service";

    // Ring-range filter: (begin, end] pairs, a wrapping range split in two; see GrainHashRange.
    private const string InRanges = " AND EXISTS (SELECT 1 FROM unnest(@begins, @ends) AS r(b, e) WHERE grain_hash > r.b AND grain_hash <= r.e)";

    private const string TickSql = """
        UPDATE reminders SET last_fired_tick = @fired, next_due = @next, version = version + 1
        WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND version = @expected
        RETURNING version
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;

    public PostgresReminderTable(NpgsqlDataSource dataSource, IOptions<ReminderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _dataSource = dataSource;
        _serviceId = options.Value.ServiceId;
    }

    /// <summary>Creates or replaces a reminder: first due at <paramref name="startAt"/>, nothing fired yet.</summary>
    public async Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset startAt, TimeSpan period, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(UpsertSql, grainId, name);
        command.Parameters.AddWithValue("hash", (long)grainId.GetUniformHashCode());
        command.Parameters.AddWithValue("start", startAt.ToUniversalTime());
        command.Parameters.AddWithValue("period", (long)period.TotalMilliseconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadEntry(reader);
    }

    /// <summary>Removes the reminder; returns false when there was none.</summary>
    public async Task<bool> DeleteAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(DeleteSql, grainId, name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ReadOneSql, grainId, name);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ReadGrainSql, grainId, name: null);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>Up to <paramref name="limit"/> reminders due at or before <paramref name="until"/>, earliest first.</summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, GrainHashRange range = default, CancellationToken cancellationToken = default) =>
        ReadDueAsync(until, limit, [range], cancellationToken);

    /// <summary>Up to <paramref name="limit"/> reminders of grains in <paramref name="ranges"/> due at or before <paramref name="until"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, IReadOnlyList<GrainHashRange> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(ranges);
        await using var command = CreateCommand(DueSql + RangeFilter(ranges) + DueOrder, grainId: null, name: null);
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        AddRanges(command, ranges);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    /// <summary>The earliest next due time in the range, or null when it holds no reminder.</summary>
    public Task<DateTimeOffset?> ReadEarliestDueAsync(GrainHashRange range = default, CancellationToken cancellationToken = default) =>
        ReadEarliestDueAsync([range], cancellationToken);

    /// <summary>The earliest next due time in <paramref name="ranges"/>, or null when they hold no reminder.</summary>
    public async Task<DateTimeOffset?> ReadEarliestDueAsync(IReadOnlyList<GrainHashRange> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        await using var command = CreateCommand(EarliestSql + RangeFilter(ranges), grainId: null, name: null);
        AddRanges(command, ranges);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// Records a tick (or a retry time) unless the reminder changed since it was read at
    /// <paramref name="expectedVersion"/>; returns the new version, or null when the row was replaced or removed.
    /// </summary>
    public async Task<long?> TryRecordTickAsync(GrainId grainId, string name, long expectedVersion, DateTimeOffset? lastFiredTick, DateTimeOffset nextDue, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(TickSql, grainId, name);
        command.Parameters.AddWithValue("expected", expectedVersion);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("fired", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = lastFiredTick?.ToUniversalTime() });
        command.Parameters.AddWithValue("next", nextDue.ToUniversalTime());
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is long version ? version : null;
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId? grainId, string? name)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service", _serviceId);
        if (grainId is { } id)
        {
            command.Parameters.AddWithValue("grain", id.ToString());
        }

        if (name is not null)
        {
            command.Parameters.AddWithValue("name", name);
        }

        return command;
    }

    private static string RangeFilter(IReadOnlyList<GrainHashRange> ranges) => ranges.Any(r => r.IsFullRing) ? string.Empty : InRanges;

    private static void AddRanges(NpgsqlCommand command, IReadOnlyList<GrainHashRange> ranges)
    {
        if (ranges.Any(r => r.IsFullRing))
        {
            return;
        }

        // Hashes are stored as bigint in [0, 2^32): a range's begin of -1 takes in hash 0.
        var begins = new List<long>(ranges.Count + 1);
        var ends = new List<long>(ranges.Count + 1);
        foreach (var range in ranges)
        {
            if (range.IsWrapping)
            {
                begins.Add(range.Begin);
                ends.Add(uint.MaxValue);
                begins.Add(-1);
                ends.Add(range.End);
            }
            else
            {
                begins.Add(range.Begin);
                ends.Add(range.End);
            }
        }

        command.Parameters.AddWithValue("begins", begins.ToArray());
        command.Parameters.AddWithValue("ends", ends.ToArray());
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static ReminderEntry ReadEntry(NpgsqlDataReader reader) => new(
        GrainId.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetInt64(6));
}
