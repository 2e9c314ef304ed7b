using Loyalty.Database;
using Loyalty.Email.Dispatch;
using Loyalty.Grains.Cards;
using Npgsql;

namespace Loyalty.Testing.Email;

/// <summary>A database for e-mail tests, and rows as card grains write them: merchants, cards, outbox messages.</summary>
public sealed class EmailDatabase
{
    private EmailDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>A new database with every module's schema.</summary>
    public static async Task<EmailDatabase> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync("email",
        [MigrationSource.Orleans, new MigrationSource("loyalty", typeof(OutboxTopics).Assembly), new MigrationSource("email", typeof(OutboxQueue).Assembly)]));

    /// <summary>A database whose schema a process applies itself (a silo, on start-up).</summary>
    public static EmailDatabase Of(string connectionString) => new(connectionString);

    public async Task<Guid> AddMerchantAsync(string name = "Fashion Hub")
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO merchants (merchant_id, name, slug, default_locale, created_at) VALUES ($1, $2, $3, 'en', now())",
            id, name, $"shop-{id:N}"[..20]);
        return id;
    }

    public async Task<string> AddCardAsync(Guid merchantId, string name, string email, string locale)
    {
        var cardNumber = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(
            "INSERT INTO cards (card_number, merchant_id, program_id, customer_name, customer_email, customer_locale, stamps, rewards_available, " +
            "points, lifetime_points, tier, status, enrolled_at, last_activity_at, ledger_sequence, ledger_hash, state, version, modified_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 0, 0, 'bronze', 'active', now(), now(), 1, '', '{}', 1, now())",
            cardNumber, merchantId, Guid.NewGuid(), name, email, locale);
        return cardNumber;
    }

    public async Task<long> AddOutboxAsync(string topic, Guid merchantId, string cardNumber, string payload) =>
        (long)(await ScalarAsync(
            "INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at) VALUES ($1, $2, $3, $4::jsonb, now()) RETURNING id",
            topic, merchantId, cardNumber, payload))!;

    /// <summary>A card and its enrolment message, as an enrolment commits them.</summary>
    public async Task<(string CardNumber, long MessageId)> EnrolAsync(Guid merchantId, string name, string email, string locale)
    {
        var card = await AddCardAsync(merchantId, name, email, locale);
        var message = await AddOutboxAsync(OutboxTopics.Enrollment, merchantId, card, $$"""{"programId": "{{Guid.NewGuid()}}", "locale": "{{locale}}"}""");
        return (card, message);
    }

    /// <summary>The e-mail log of one message, oldest first: (attempt, status, detail).</summary>
    public async Task<IReadOnlyList<(int Attempt, string Status, string Detail)>> LogAsync(long messageId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT attempt, status, detail FROM email_log WHERE outbox_id = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = messageId });
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(int, string, string)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return entries;
    }

    public async Task<bool> IsProcessedAsync(long messageId) =>
        (bool)(await ScalarAsync("SELECT processed_at IS NOT NULL FROM outbox WHERE id = $1", messageId))!;

    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(sql, connection, parameters);
        return await command.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(sql, connection, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
