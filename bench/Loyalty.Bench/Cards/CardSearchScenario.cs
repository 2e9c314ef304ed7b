using System.Diagnostics;
using System.Globalization;
using Loyalty.Database;
using Loyalty.Web.AdminSite.Cards;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Loyalty.Bench.Cards;

/// <summary>
/// <c>card-search</c>: the admin pages' card search (<see cref="CardSearch"/>) on N cards (<c>--cards 1000000</c> for the
/// figures in ADR 0030) written straight into the <c>cards</c> read model with one enrolment ledger entry each (20 merchants of
/// 3 stores; 40 first names and 8,000 surnames, some with accents). Reports each search's median and 95th percentile
/// time over 30 runs after 5 warm-ups, and what it found. Not part of <c>all</c>.
/// </summary>
public sealed class CardSearchScenario(IServiceProvider services, BenchSettings settings)
{
    public const string Name = "card-search";
    private const int Runs = 30;
    private const int WarmUps = 5;

    public async Task RunAsync()
    {
        var database = services.GetRequiredService<LoyaltyDatabase>();
        var count = settings.Cards;
        var clock = Stopwatch.StartNew();
        await FillAsync(database.DataSource, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} cards and ledger entries written and analyzed in {clock.Elapsed.TotalSeconds:F0} s"));

        var merchant = MerchantId(0);
        var store = StoreId(0, 0);
        var searches = new (string Label, string Text, CardSearchScope Scope)[]
        {
            ("card number, all merchants", CardNumber(123_460), CardSearchScope.Everything),
            ("e-mail exact, all merchants", "customer123460@example.com", CardSearchScope.Everything),
            ("e-mail prefix 'customer12345@', all merchants", "customer12345@", CardSearchScope.Everything),
            ("name or e-mail prefix 'customer12345', all merchants", "customer12345", CardSearchScope.Everything),
            ("phone suffix (6 digits), one merchant", "123 460", new CardSearchScope(merchant, null)),
            ("name 'müller' (common), all merchants", "müller", CardSearchScope.Everything),
            ("name 'müller' (common), one merchant", "müller", new CardSearchScope(merchant, null)),
            ("name 'müller' (common), one store", "müller", new CardSearchScope(merchant, store)),
            ("name 'elodie kavo' (rare), all merchants", "elodie kavo", CardSearchScope.Everything),
            ("name 'xyz' (none), all merchants", "xyz", CardSearchScope.Everything),
        };
        Console.WriteLine("search | found | median ms | p95 ms");
        foreach (var (label, text, scope) in searches)
        {
            var query = CardSearchQuery.Parse(text);
            var times = new List<double>();
            long found = 0;
            for (var i = 0; i < WarmUps + Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                (_, found) = await CardSearch.FindAsync(database, query, scope, 1, CancellationToken.None);
                if (i >= WarmUps)
                    times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label} ({query.Kind}) | {found} | {times[Runs / 2]:F1} | {times[(int)(Runs * 0.95)]:F1}"));
        }
    }

    private static async Task FillAsync(NpgsqlDataSource database, int count)
    {
        // One statement per command: PostgreSQL takes a single statement per prepared (parameterized) command.
        await using var connection = await database.OpenConnectionAsync();
        foreach (var sql in new[] { Cards, Ledger, "ANALYZE cards", "ANALYZE ledger_entries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = sql;
            if (sql.Contains("$1", StringComparison.Ordinal))
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
            await command.ExecuteNonQueryAsync();
        }
    }

    private const string Cards = """
        INSERT INTO cards (card_number, merchant_id, program_id, customer_name, customer_email, customer_phone, customer_birthday,
        customer_locale, stamps, rewards_available, points, lifetime_points, tier, status, enrolled_at,
        last_activity_at, ledger_sequence, ledger_hash, state, version, modified_at)
        SELECT lpad(i::text, 16, '0'), ('00000000-0000-0000-0000-' || lpad((i % 20)::text, 12, '0'))::uuid, gen_random_uuid(),
        (ARRAY['Emma','Élodie','Lena','Hélène','Noah','Luca','Mia','Zoé','Léa','Jonas','Ben','Anna','Lara','Tom','Max','Sofia',
        'Chloé','Louis','Paul','Marie','Jules','Inès','Nina','Julia','Leon','Lina','Théo','Elias','Clara','Hugo','Ella',
        'Finn','Lucie','Adam','Sara','Luis','Eva','Nora','Milan','Maëlle'])[1 + i % 40] || ' ' ||
        CASE WHEN i % 25 = 0 THEN 'Müller'
        ELSE initcap((ARRAY['ka','lo','mi','ne','ru','sa','te','vo','wi','za','be','do','fu','gi','ha','jo','ku','le','mo','ni'])[1 + (i / 40) % 20] ||
        (ARRAY['ka','lo','mi','ne','ru','sa','te','vo','wi','za','be','do','fu','gi','ha','jo','ku','le','mo','ni'])[1 + (i / 800) % 20] ||
        (ARRAY['ka','lo','mi','ne','ru','sa','te','vo','wi','za','be','do','fu','gi','ha','jo','ku','le','mo','ni'])[1 + (i / 16000) % 20]) END,
        'customer' || i || '@example.com', '+352 6' || lpad(i::text, 8, '0'), DATE '1980-01-01' + i % 10000, 'fr',
        i % 10, 0, i % 5000, i % 5000, 'bronze', 'active', now(), now(), 1, 'h', '{}'::jsonb, 1, now()
        FROM generate_series(1, $1) AS i
        """;

    private const string Ledger = """
        INSERT INTO ledger_entries (card_number, sequence, transaction_id, kind, reason, stamps_delta, rewards_delta, points_delta, stamps_after,
        rewards_available_after, points_after, store_id, occurred_at, recorded_at, previous_hash, hash)
        SELECT lpad(i::text, 16, '0'), 1, gen_random_uuid(), 'enrollment', 'Enrolled', 0, 0, 0, 0, 0, 0,
        '00000000-0000-0000-0001-' || lpad((i % 20)::text, 8, '0') || lpad((i % 3)::text, 4, '0'), now(), now(), '', 'h'
        FROM generate_series(1, $1) AS i
        """;

    private static string CardNumber(int i) => i.ToString("D16", CultureInfo.InvariantCulture);

    private static Guid MerchantId(int merchant) => Guid.Parse($"00000000-0000-0000-0000-{merchant:D12}", CultureInfo.InvariantCulture);

    private static Guid StoreId(int merchant, int store) => Guid.Parse($"00000000-0000-0000-0001-{merchant:D8}{store:D4}", CultureInfo.InvariantCulture);
}
