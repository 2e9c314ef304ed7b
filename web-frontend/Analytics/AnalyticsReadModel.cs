using Loyalty.Database;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Analytics;

/// <summary>
/// The dashboard's figures, aggregated by PostgreSQL from <c>ledger_entries</c> (joined with <c>cards</c> for the
/// merchant and program) on every request: the ledger is the books, so nothing here can drift from it (ADR 0028).
/// </summary>
public sealed class AnalyticsReadModel(LoyaltyDatabase database, TimeProvider time)
{
    // Flows per local day. Operations count on their day; a void counts, with its own (opposite) deltas, in the figure of
    // the operation it voided, at the voided operation's store, on the void's day. Adjustments, expiries and status
    // changes are no flow. occurred_at is when the operation happened (the tablet's time for queued operations).
    private const string FlowsSql = """
        WITH flows AS (
            SELECT l.occurred_at, l.kind, l.stamps_delta, l.rewards_delta, l.points_delta, 1 AS sign
            FROM ledger_entries l JOIN cards c ON c.card_number = l.card_number
            WHERE c.merchant_id = $1 AND ($3::uuid IS NULL OR c.program_id = $3) AND ($2::text IS NULL OR l.store_id = $2)
              AND l.occurred_at >= $4 AND l.occurred_at < $5
              AND l.kind IN ('enrollment', 'stamp', 'stampRedemption', 'points', 'welcomeBonus', 'pointRedemption')
            UNION ALL
            SELECT v.occurred_at, o.kind, v.stamps_delta, v.rewards_delta, v.points_delta, -1
            FROM ledger_entries v
            JOIN cards c ON c.card_number = v.card_number
            JOIN ledger_entries o ON o.card_number = v.card_number AND o.transaction_id = v.voided_transaction_id
            WHERE c.merchant_id = $1 AND ($3::uuid IS NULL OR c.program_id = $3) AND ($2::text IS NULL OR o.store_id = $2)
              AND v.kind = 'void' AND v.occurred_at >= $4 AND v.occurred_at < $5
              AND o.kind IN ('stamp', 'stampRedemption', 'points', 'welcomeBonus', 'pointRedemption')
        )
        SELECT (occurred_at AT TIME ZONE $6)::date,
               count(*) FILTER (WHERE kind = 'enrollment'),
               coalesce(sum(stamps_delta) FILTER (WHERE kind = 'stamp'), 0)::bigint,
               coalesce(sum(rewards_delta) FILTER (WHERE kind = 'stamp'), 0)::bigint,
               coalesce(sum(sign) FILTER (WHERE kind = 'stampRedemption'), 0)::bigint,
               coalesce(sum(points_delta) FILTER (WHERE kind IN ('points', 'welcomeBonus')), 0)::bigint,
               coalesce(sum(sign) FILTER (WHERE kind = 'pointRedemption'), 0)::bigint,
               coalesce(-sum(points_delta) FILTER (WHERE kind = 'pointRedemption'), 0)::bigint
        FROM flows GROUP BY 1
        """;

    // Active cards per day as changes: a card's activity on day d keeps it active until d + 30 or its next activity day,
    // whichever is first, so its spans never overlap and a running sum of the changes counts distinct cards per day.
    private const string ActiveChangesSql = """
        WITH activity AS (
            SELECT DISTINCT l.card_number, (l.occurred_at AT TIME ZONE $6)::date AS day
            FROM ledger_entries l JOIN cards c ON c.card_number = l.card_number
            WHERE c.merchant_id = $1 AND ($3::uuid IS NULL OR c.program_id = $3) AND ($2::text IS NULL OR l.store_id = $2)
              AND l.occurred_at >= $4 AND l.occurred_at < $5
              AND l.kind IN ('enrollment', 'stamp', 'stampRedemption', 'points', 'pointRedemption')
        ), spans AS (
            SELECT day, least(lead(day) OVER (PARTITION BY card_number ORDER BY day), day + $7) AS until FROM activity
        )
        SELECT day, sum(change)::bigint FROM (SELECT day, 1 AS change FROM spans UNION ALL SELECT until, -1 FROM spans) changes
        GROUP BY day
        """;

    // Each card's balances after its last entry recorded before the instant (the primary key read backwards per card).
    private const string LiabilityThenSql = """
        SELECT coalesce(sum(e.rewards_available_after), 0)::bigint, coalesce(sum(e.points_after), 0)::bigint,
               count(*) FILTER (WHERE e.rewards_available_after > 0 OR e.points_after > 0)
        FROM cards c
        CROSS JOIN LATERAL (
            SELECT l.rewards_available_after, l.points_after FROM ledger_entries l
            WHERE l.card_number = c.card_number AND l.recorded_at < $3
            ORDER BY l.sequence DESC LIMIT 1) e
        WHERE c.merchant_id = $1 AND ($2::uuid IS NULL OR c.program_id = $2)
        """;

    // The same for an instant after every recorded entry: the balances the card grains wrote with their last entries.
    private const string LiabilityNowSql = """
        SELECT coalesce(sum(rewards_available), 0)::bigint, coalesce(sum(points), 0)::bigint,
               count(*) FILTER (WHERE rewards_available > 0 OR points > 0)
        FROM cards WHERE merchant_id = $1 AND ($2::uuid IS NULL OR program_id = $2)
        """;

    public async Task<AnalyticsReport> ReadAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var flows = await ReadFlowsAsync(query, cancellationToken);
        var active = await ReadActiveCardsAsync(query, cancellationToken);
        var days = new List<AnalyticsDay>(query.Days);
        for (var day = query.From; day <= query.To; day = day.AddDays(1))
        {
            var flow = flows.GetValueOrDefault(day) ?? new AnalyticsDay(day, day, 0, 0, 0, 0, 0, 0, 0, 0);
            days.Add(flow with { ActiveCards = active[day] });
        }

        var liability = query.StoreId is null ? await ReadLiabilityAsync(query.MerchantId, query.ProgramId, query.EndUtc, cancellationToken) : null;
        return new AnalyticsReport(query, days, liability);
    }

    private async Task<Dictionary<DateOnly, AnalyticsDay>> ReadFlowsAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(FlowsSql);
        AddScope(command, query, query.StartUtc);
        var flows = new Dictionary<DateOnly, AnalyticsDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            flows[day] = new AnalyticsDay(day, day, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), 0);
        }

        return flows;
    }

    private async Task<Dictionary<DateOnly, long>> ReadActiveCardsAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var first = query.From.AddDays(-(AnalyticsQuery.ActiveWindowDays - 1));
        await using var command = database.DataSource.CreateCommand(ActiveChangesSql);
        AddScope(command, query, LocalDays.StartUtc(first, query.TimeZone));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = AnalyticsQuery.ActiveWindowDays });
        var changes = new Dictionary<DateOnly, long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
            }
        }

        var active = new Dictionary<DateOnly, long>(query.Days);
        long running = 0;
        for (var day = first; day <= query.To; day = day.AddDays(1))
        {
            running += changes.GetValueOrDefault(day);
            if (day >= query.From)
            {
                active[day] = running;
            }
        }

        return active;
    }

    private async Task<AnalyticsLiability> ReadLiabilityAsync(Guid merchantId, Guid? programId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A range ending now or later (the default) reads the cards' own balances; an earlier end reads the ledger.
        var now = at > time.GetUtcNow();
        await using var command = database.DataSource.CreateCommand(now ? LiabilityNowSql : LiabilityThenSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        command.Parameters.Add(Nullable(NpgsqlDbType.Uuid, programId));
        if (!now)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AnalyticsLiability(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static void AddScope(NpgsqlCommand command, AnalyticsQuery query, DateTimeOffset startUtc)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = query.MerchantId });
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, query.StoreId?.ToString("D")));
        command.Parameters.Add(Nullable(NpgsqlDbType.Uuid, query.ProgramId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = startUtc });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = query.EndUtc });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.TimeZone.Id });
    }

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
