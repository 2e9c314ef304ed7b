using Loyalty.Database;
using Loyalty.Email.Templates;
using Npgsql;

namespace Loyalty.Email.Dispatch;

/// <summary>
/// The outbox as the dispatchers' work queue (ADR 0023). A claim takes due messages with <c>FOR UPDATE SKIP LOCKED</c>
/// and leases them to one dispatcher (<c>leased_by</c>, <c>leased_until</c>), so dispatchers on several silos never take
/// the same message; a dispatcher that dies releases its claim when the lease runs out. Each attempt's outcome is
/// recorded in <c>email_log</c> by the same statement that settles the message.
/// </summary>
public sealed class OutboxQueue(LoyaltyDatabase database)
{
    private static readonly string[] Topics = [.. EmailTemplateNames.All];

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            WITH due AS (
                SELECT id FROM outbox
                WHERE processed_at IS NULL AND topic = ANY($5)
                  AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
                  AND (leased_until IS NULL OR leased_until <= $1)
                ORDER BY id
                LIMIT $2
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE outbox o SET attempts = o.attempts + 1, leased_by = $3, leased_until = $4
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.topic, o.merchant_id, o.card_number, o.payload, o.attempts)
            SELECT c.id, c.topic, c.merchant_id, c.card_number, c.payload::text, c.attempts,
                   cards.customer_name, cards.customer_email, cards.customer_locale, m.name, m.slug
            FROM claimed c
            LEFT JOIN cards ON cards.card_number = c.card_number
            LEFT JOIN merchants m ON m.merchant_id = c.merchant_id
            ORDER BY c.id
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + lease });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Topics });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return messages;
    }

    /// <summary>
    /// Records an attempt and settles its message in one statement: done (sent, written to a file, given up) or due
    /// again at <paramref name="nextAttemptAt"/>. A dispatcher whose lease was taken over records its attempt but
    /// leaves the message to its new owner.
    /// </summary>
    public async Task SettleAsync(OutboxMessage message, string owner, AttemptRecord attempt, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attempt);
        await using var command = database.DataSource.CreateCommand("""
            WITH logged AS (
                INSERT INTO email_log (outbox_id, merchant_id, template, locale, recipient, subject, attempt, status, detail, occurred_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))
            UPDATE outbox SET processed_at = CASE WHEN $11::timestamptz IS NULL THEN $10 END, next_attempt_at = $11,
                              leased_by = NULL, leased_until = NULL
            WHERE id = $1 AND leased_by = $12
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = message.Id });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)message.MerchantId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Topic });
        command.Parameters.Add(Nullable(attempt.Locale));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.Recipient });
        command.Parameters.Add(Nullable(attempt.Subject));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = message.Attempt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.Status });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.Detail });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = attempt.At });
        command.Parameters.Add(new NpgsqlParameter { Value = nextAttemptAt is { } next ? next : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Makes a message due again at once with a fresh count of attempts (an admin's resend), unless a dispatcher holds
    /// it right now. False when the merchant has no such message or it is being sent.
    /// </summary>
    public async Task<bool> ResendAsync(long messageId, Guid? merchantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            UPDATE outbox SET processed_at = NULL, attempts = 0, next_attempt_at = NULL, leased_by = NULL, leased_until = NULL
            WHERE id = $1 AND ($2::uuid IS NULL OR merchant_id = $2) AND topic = ANY($4)
              AND (leased_until IS NULL OR leased_until <= $3)
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = messageId });
        command.Parameters.Add(NullableMerchant(merchantId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Topics });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Whether the merchant (null: any) has the e-mail message <paramref name="messageId"/>.</summary>
    public async Task<bool> ExistsAsync(long messageId, Guid? merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE id = $1 AND ($2::uuid IS NULL OR merchant_id = $2) AND topic = ANY($3))");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = messageId });
        command.Parameters.Add(NullableMerchant(merchantId));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Topics });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlParameter NullableMerchant(Guid? merchantId) =>
        new() { Value = merchantId is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid };

    private static NpgsqlParameter Nullable(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };
}
