using Loyalty.Web.Analytics;
using Npgsql;

namespace Loyalty.Web.Tests.AdminSite.Dashboard;

/// <summary>
/// The dashboard's figures computed in memory from a merchant's ledger rows, by the definitions of ADR 0028, to check
/// the read model's SQL against.
/// </summary>
public static class LedgerFigures
{
    private static readonly string[] FlowKinds = ["enrollment", "stamp", "stampRedemption", "points", "welcomeBonus", "pointRedemption"];
    private static readonly string[] ActivityKinds = ["enrollment", "stamp", "stampRedemption", "points", "pointRedemption"];

    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(string connectionString, Guid merchantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT l.card_number, c.program_id, l.sequence, l.transaction_id, l.kind, l.stamps_delta, l.rewards_delta, l.points_delta,
                   l.rewards_available_after, l.points_after, l.voided_transaction_id, l.store_id, l.occurred_at, l.recorded_at
            FROM ledger_entries l JOIN cards c ON c.card_number = l.card_number WHERE c.merchant_id = $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        var rows = new List<LedgerRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(
                reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4), reader.GetInt32(5),
                reader.GetInt32(6), reader.GetInt64(7), reader.GetInt32(8), reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetGuid(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetFieldValue<DateTimeOffset>(12), reader.GetFieldValue<DateTimeOffset>(13)));
        }

        return rows;
    }

    public static IReadOnlyList<AnalyticsDay> Days(IReadOnlyList<LedgerRow> rows, AnalyticsQuery query)
    {
        var inProgram = rows.Where(r => query.ProgramId is null || r.ProgramId == query.ProgramId).ToList();
        string? store = query.StoreId?.ToString("D");

        // Each flow as (its day, the kind it counts as, its deltas, +1 or -1): operations, and voids as the kind they voided.
        var flows = inProgram.Where(r => FlowKinds.Contains(r.Kind) && (store is null || r.StoreId == store))
            .Select(r => (Day: LocalDays.DayOf(r.OccurredAt, query.TimeZone), r.Kind, Row: r, Sign: 1))
            .Concat(inProgram.Where(r => r.Kind == "void")
                .Select(v => (Void: v, Voided: inProgram.Single(o => o.CardNumber == v.CardNumber && o.TransactionId == v.VoidedTransactionId)))
                .Where(p => FlowKinds.Contains(p.Voided.Kind) && (store is null || p.Voided.StoreId == store))
                .Select(p => (Day: LocalDays.DayOf(p.Void.OccurredAt, query.TimeZone), p.Voided.Kind, Row: p.Void, Sign: -1)))
            .ToList();
        var activity = inProgram.Where(r => ActivityKinds.Contains(r.Kind) && (store is null || r.StoreId == store))
            .Select(r => (r.CardNumber, Day: LocalDays.DayOf(r.OccurredAt, query.TimeZone)))
            .ToList();

        var days = new List<AnalyticsDay>();
        for (var day = query.From; day <= query.To; day = day.AddDays(1))
        {
            var today = flows.Where(f => f.Day == day).ToList();
            var windowStart = day.AddDays(-29);
            days.Add(new AnalyticsDay(
                day,
                day,
                today.Count(f => f.Kind == "enrollment"),
                today.Where(f => f.Kind == "stamp").Sum(f => (long)f.Row.StampsDelta),
                today.Where(f => f.Kind == "stamp").Sum(f => (long)f.Row.RewardsDelta),
                today.Where(f => f.Kind == "stampRedemption").Sum(f => (long)f.Sign),
                today.Where(f => f.Kind is "points" or "welcomeBonus").Sum(f => f.Row.PointsDelta),
                today.Where(f => f.Kind == "pointRedemption").Sum(f => (long)f.Sign),
                -today.Where(f => f.Kind == "pointRedemption").Sum(f => f.Row.PointsDelta),
                activity.Where(a => a.Day >= windowStart && a.Day <= day).Select(a => a.CardNumber).Distinct().Count()));
        }

        return days;
    }

    /// <summary>Each card's balances after its last entry recorded before <paramref name="at"/>.</summary>
    public static AnalyticsLiability Liability(IReadOnlyList<LedgerRow> rows, Guid? programId, DateTimeOffset at)
    {
        var last = rows.Where(r => (programId is null || r.ProgramId == programId) && r.RecordedAt < at)
            .GroupBy(r => r.CardNumber)
            .Select(card => card.MaxBy(r => r.Sequence)!)
            .ToList();
        return new AnalyticsLiability(
            last.Sum(r => (long)r.RewardsAvailableAfter),
            last.Sum(r => r.PointsAfter),
            last.Count(r => r.RewardsAvailableAfter > 0 || r.PointsAfter > 0));
    }
}
