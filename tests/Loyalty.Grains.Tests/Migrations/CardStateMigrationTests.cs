using Loyalty.Grains.Cards;
using Loyalty.Runtime.Postgres;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.Grains.Tests.Migrations;

/// <summary>Upgrading a database written before card states moved into <c>cards</c> (grains migration 0008).</summary>
public sealed class CardStateMigrationTests
{
    private const string CardNumber = "6000000000000011";
    private const string Payload = """{"card":{"cardNumber":"6000000000000011","stamps":4},"merchantId":"7d1f5a0e-4b36-4c1e-9a53-2f4a1c0d9e11"}""";

    [Fact]
    public async Task Migration0008_CardStateInGrainState_MovesWithItsVersionAndLeavesOtherStates()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("upgrade");
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync(connectionString, [MigrationSource.Runtime]);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        for (var version = 1; version <= 7; version++)
        {
            await ExecuteAsync(dataSource, GrainsMigration(version));
        }

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
