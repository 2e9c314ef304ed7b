using System.Diagnostics;
using System.Globalization;
using Loyalty.Bench.Cards;
using Loyalty.Web.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Loyalty.Bench.Analytics;

/// <summary>
/// <c>analytics</c>: the admin dashboard's read model over a large ledger. Writes <c>--cards</c> cards (default 10,000;
/// 100,000 for a million rows) with ten synthetic ledger entries each, spread evenly over the last 365 days and stored
/// in time order as the card store appends them (enrolment first, then stamps, points and redemptions; hashes are
/// placeholders, the read model never reads them), then times <see cref="AnalyticsReadModel.ReadAsync"/> for several
/// ranges without and with the <c>occurred_at</c> index of loyalty migration 0006. Not part of <c>all</c>.
/// </summary>
public sealed class AnalyticsScenario(IServiceProvider services, Uri address, BenchSettings settings)
{
    public const string Name = "analytics";

    private const int EntriesPerCard = 10;
    private const int Runs = 5;

    // Loyalty migration 0006, dropped for the "before" figures and created again as it was.
    private const string IndexName = "ledger_entries_by_occurred_at";
    private const string CreateIndex = $"CREATE INDEX {IndexName} ON ledger_entries USING brin (occurred_at)";

    public async Task RunAsync()
    {
        var fixture = await CardFixture.CreateAsync(address);
        var database = services.GetRequiredService<NpgsqlDataSource>();
        var readModel = services.GetRequiredService<AnalyticsReadModel>();
        var now = DateTimeOffset.UtcNow;
        var otherStore = Guid.NewGuid();

        var clock = Stopwatch.StartNew();
        await ExecuteAsync(database, """
            INSERT INTO cards (card_number, merchant_id, program_id, customer_name, customer_email, customer_locale, stamps, rewards_available,
                               points, lifetime_points, tier, status, enrolled_at, last_activity_at, ledger_sequence, ledger_hash, state, version, modified_at)
            SELECT 'b' || lpad(i::text, 15, '0'), $1, $2, 'Bench', 'bench' || i || '@example.com', 'en', i % 3, i % 2, (i % 7) * 100, 0,
                   'bronze', 'active', $3, $3, 10, 'h', '{}', 1, $3
            FROM generate_series(1, $4) i
            """, fixture.MerchantId, fixture.ProgramId, now.AddDays(-365), settings.Cards);
        await ExecuteAsync(database, """
            INSERT INTO ledger_entries (card_number, sequence, transaction_id, kind, reason, stamps_delta, rewards_delta, points_delta,
                                        stamps_after, rewards_available_after, points_after, store_id, occurred_at, recorded_at, previous_hash, hash)
            SELECT 'b' || lpad(c::text, 15, '0'), s, gen_random_uuid(),
                   CASE WHEN s = 1 THEN 'enrollment' WHEN s % 5 = 0 THEN 'stampRedemption' WHEN s % 2 = 0 THEN 'points' ELSE 'stamp' END,
                   'bench', CASE WHEN s > 1 AND s % 2 = 1 AND s % 5 <> 0 THEN 2 ELSE 0 END, CASE WHEN s % 5 = 0 THEN -1 ELSE 0 END,
                   CASE WHEN s % 2 = 0 AND s % 5 <> 0 THEN 100 ELSE 0 END, s % 3, s % 2, s * 100,
                   CASE WHEN c % 2 = 0 THEN $2 ELSE $3 END, t, t, 'p', 'h'
            FROM generate_series(1, $4) c, generate_series(1, $5) s,
                 LATERAL (SELECT $1 + ((s - 1) * $4 + c) * (interval '365 days' / ($4 * $5)) AS t) times
            ORDER BY t
            """, now.AddDays(-365), fixture.StoreId.ToString("D"), otherStore.ToString("D"), settings.Cards, EntriesPerCard);
        await ExecuteAsync(database, "ANALYZE cards; ANALYZE ledger_entries");
        var rows = await ScalarAsync(database, "SELECT count(*) FROM ledger_entries");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analytics: {rows:N0} ledger rows, {settings.Cards:N0} cards written in {clock.Elapsed.TotalSeconds:F1} s"));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        (string Name, AnalyticsQuery Query)[] cases =
        [
            ("30 days", new AnalyticsQuery(fixture.MerchantId, null, null, today.AddDays(-29), today, TimeZoneInfo.Utc)),
            ("30 days, one store", new AnalyticsQuery(fixture.MerchantId, fixture.StoreId, null, today.AddDays(-29), today, TimeZoneInfo.Utc)),
            ("90 days", new AnalyticsQuery(fixture.MerchantId, null, null, today.AddDays(-89), today, TimeZoneInfo.Utc)),
            ("366 days", new AnalyticsQuery(fixture.MerchantId, null, null, today.AddDays(-365), today, TimeZoneInfo.Utc)),
            ("30 days ending 180 days ago", new AnalyticsQuery(fixture.MerchantId, null, null, today.AddDays(-209), today.AddDays(-180), TimeZoneInfo.Utc)),
        ];

        await ExecuteAsync(database, $"DROP INDEX IF EXISTS {IndexName}");
        var before = await TimeAsync(readModel, cases);
        await ExecuteAsync(database, CreateIndex);
        await ExecuteAsync(database, "ANALYZE ledger_entries");
        var after = await TimeAsync(readModel, cases);
        var size = await ScalarAsync(database, $"SELECT pg_relation_size('{IndexName}')");

        Console.WriteLine($"median of {Runs} reads (after one warm-up), milliseconds; index {IndexName}: {size} bytes");
        Console.WriteLine($"{"range",-30} {"without index",14} {"with index",11}");
        for (var i = 0; i < cases.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases[i].Name,-30} {before[i],14:F1} {after[i],11:F1}"));
        }
    }

    private static async Task<double[]> TimeAsync(AnalyticsReadModel readModel, (string Name, AnalyticsQuery Query)[] cases)
    {
        var medians = new double[cases.Length];
        for (var i = 0; i < cases.Length; i++)
        {
            await readModel.ReadAsync(cases[i].Query, CancellationToken.None);
            var times = new double[Runs];
            for (var run = 0; run < Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                await readModel.ReadAsync(cases[i].Query, CancellationToken.None);
                times[run] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            medians[i] = times[Runs / 2];
        }

        return medians;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
