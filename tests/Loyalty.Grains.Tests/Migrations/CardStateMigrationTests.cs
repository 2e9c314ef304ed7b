using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Tests.Cards;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Diagnostics;
using Loyalty.Runtime.Persistence;
using Loyalty.Runtime.Postgres;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Grains.Tests.Migrations;

/// <summary>
/// Upgrading a database written before card states moved into <c>cards</c> (grains migration 0008), and before they were
/// stored as a snapshot plus changes (0009).
/// </summary>
public sealed class CardStateMigrationTests
{
    private const string CardNumber = "6000000000000011";
    private const string Payload = """{"card":{"cardNumber":"6000000000000011","stamps":4},"merchantId":"7d1f5a0e-4b36-4c1e-9a53-2f4a1c0d9e11"}""";

    [Fact]
    public async Task Migration0008_CardStateInGrainState_MovesWithItsVersionAndLeavesOtherStates()
    {
        await using var dataSource = await DatabaseAtGrainsMigrationAsync(7);

        var modifiedAt = new DateTimeOffset(2026, 4, 5, 6, 7, 8, TimeSpan.Zero);
        await ExecuteAsync(dataSource, """
            INSERT INTO cards (card_number, merchant_id, program_id, customer_name, customer_email, customer_locale, stamps,
                rewards_available, points, lifetime_points, tier, status, enrolled_at, last_activity_at, ledger_sequence, ledger_hash)
            VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'Ana', 'ana@example.com', 'en', 4, 0, 0, 0, 'bronze', 'active', now(), now(), 5, 'h5');
            """, CardNumber);
        await ExecuteAsync(dataSource, """
            INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version, modified_at)
            VALUES ('loyalty', 'card', $1, 'card', $2, 12, $3), ('loyalty', 'device', $1, 'card', '{}', 3, $3);
            """, CardNumber, Payload, modifiedAt);

        await ExecuteAsync(dataSource, GrainsMigration(8));

        Assert.Equal(Payload, await ScalarAsync<string>(dataSource, "SELECT payload FROM cards WHERE card_number = $1", CardNumber));
        Assert.Equal(12L, await ScalarAsync<long>(dataSource, "SELECT version FROM cards WHERE card_number = $1", CardNumber));
        Assert.Equal(modifiedAt, await ScalarAsync<DateTimeOffset>(dataSource, "SELECT modified_at FROM cards WHERE card_number = $1", CardNumber));
        Assert.Equal("device", await ScalarAsync<string>(dataSource, "SELECT string_agg(grain_type, ',') FROM grain_state WHERE grain_key = $1", CardNumber));
    }

    [Fact]
    public async Task Migration0009_CardStateInCardsRow_BecomesItsSnapshotAndReadsBackThroughTheStore()
    {
        await using var dataSource = await DatabaseAtGrainsMigrationAsync(8);

        var serializer = new GrainStateSerializer();
        var program = CardFixtures.StampProgram();
        var card = CardFixtures.Apply(CardFixtures.NewCard(program).AddStamps(program, 3, CardFixtures.At(CardFixtures.Start.AddHours(1))));
        var state = new CardGrainState { Card = card, MerchantId = Guid.NewGuid(), Head = new LedgerHead(2, "h2") }.Remember("key-1").State;
        var payload = System.Text.Encoding.UTF8.GetString(serializer.Serialize(state));
        await ExecuteAsync(dataSource, """
            INSERT INTO cards (card_number, merchant_id, program_id, customer_name, customer_email, customer_locale, stamps,
                rewards_available, points, lifetime_points, tier, status, enrolled_at, last_activity_at, ledger_sequence, ledger_hash,
                payload, version, modified_at)
            VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'Anna', 'anna@example.com', 'fr', 3, 0, 0, 0, 'bronze', 'active', now(), now(), 2, 'h2',
                $2, 7, now());
            """, CardFixtures.CardNumber, payload);

        await ExecuteAsync(dataSource, GrainsMigration(9));
        await using var store = new PostgresGrainStateStore(
            dataSource, Options.Create(new PersistenceOptions()), TimeProvider.System, new RuntimeMetrics(), NullLogger<PostgresGrainStateStore>.Instance);
        var stored = await store.ReadAsync(new GrainStateKey(GrainId.Create("card", CardFixtures.CardNumber), "card") { Table = StateTable.Of(typeof(CardGrainState)) });

        Assert.Equal(7, stored.Version);
        Assert.Equal(payload, System.Text.Encoding.UTF8.GetString(stored.Payload!));
        Assert.Equal(3, serializer.Deserialize<CardGrainState>(stored.Payload!).Card!.Stamps);
        Assert.Equal("7|" + payload, await ScalarAsync<string>(dataSource, "SELECT version || '|' || payload FROM card_snapshots WHERE card_number = $1", CardFixtures.CardNumber));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM cards WHERE changes IS NOT NULL"));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'cards' AND column_name = 'payload'"));
    }

    /// <summary>A new database with the runtime's schema and the grains' migrations up to <paramref name="last"/>.</summary>
    private static async Task<NpgsqlDataSource> DatabaseAtGrainsMigrationAsync(int last)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("upgrade");
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync(connectionString, [MigrationSource.Runtime]);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        for (var version = 1; version <= last; version++)
        {
            await ExecuteAsync(dataSource, GrainsMigration(version));
        }

        return dataSource;
    }

    private static string GrainsMigration(int version)
    {
        var assembly = typeof(CardGrain).Assembly;
        var prefix = $"Loyalty.Grains.Migrations.{version:D4}_";
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith(prefix, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<T>(0);
    }
}
