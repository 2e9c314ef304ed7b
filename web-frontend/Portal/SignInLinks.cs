using System.Text.Json;
using Loyalty.Database;
using Loyalty.Web.Storefront;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.Portal;

/// <summary>
/// Portal sign-in links: issued into the outbox for the e-mail sender, spent once (ADR 0025). A token is 256 random
/// bits; only its SHA-256 is stored, with the merchant, the card it was sent for and its expiry, 15 minutes by the
/// injected clock.
/// </summary>
public sealed class SignInLinks(LoyaltyDatabase database, CustomerLinks links, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    // Tokens are base64url of 32 bytes; anything much longer is not one, and is not hashed or looked up.
    private const int MaxTokenLength = 64;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// When a card of the merchant has <paramref name="email"/>, stores a new token and, in the same transaction, an
    /// outbox <c>portal-sign-in</c> message on the most recently created such card. Otherwise writes nothing. The caller
    /// answers the same either way.
    /// </summary>
    public async Task RequestAsync(StorefrontMerchant merchant, string email, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        await using var find = database.DataSource.CreateCommand(
            """
            SELECT c.card_number, c.customer_email FROM cards c JOIN programs p ON p.program_id = c.program_id
            WHERE p.merchant_id = $1 AND lower(c.customer_email) = lower($2)
            ORDER BY c.enrolled_at DESC, c.card_number LIMIT 1
            """);
        find.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchant.Id });
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email.Trim() });
        string cardNumber, address;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }

            (cardNumber, address) = (reader.GetString(0), reader.GetString(1));
        }

        var token = AdminTokens.Generate();
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;
        var payload = JsonSerializer.Serialize(new
        {
            email = address,
            locale,
            link = links.Absolute(PortalPaths.Link(merchant.Slug, token)).AbsoluteUri,
            expiresAt,
        }, PayloadJson);

        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command("DELETE FROM customer_sign_in_tokens WHERE expires_at < $1", now.AddDays(-1)));
        batch.BatchCommands.Add(Command(
            "INSERT INTO customer_sign_in_tokens (token_hash, merchant_id, card_number, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            AdminTokens.Hash(token), merchant.Id, cardNumber, now, expiresAt));
        var outbox = Command(
            "INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
            OutboxTopics.PortalSignIn, merchant.Id, cardNumber, payload, now);
        outbox.Parameters[3].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb;
        batch.BatchCommands.Add(outbox);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether the token could sign someone in now (for the page the link opens; it spends nothing).</summary>
    public async Task<bool> IsUsableAsync(Guid merchantId, string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return false;
        }

        await using var command = TokenCommand(
            """
            SELECT 1 FROM customer_sign_in_tokens t JOIN cards c ON c.card_number = t.card_number
            WHERE t.token_hash = $1 AND t.merchant_id = $2 AND t.consumed_at IS NULL AND t.expires_at > $3 AND c.customer_email IS NOT NULL
            """, merchantId, token);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// Spends the token: the e-mail of the card it was sent for, or null when it is unknown, of another merchant,
    /// expired, already spent, or its customer was erased. Of concurrent attempts exactly one spends it.
    /// </summary>
    public async Task<string?> ConsumeAsync(Guid merchantId, string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        await using var command = TokenCommand(
            """
            UPDATE customer_sign_in_tokens t SET consumed_at = $3 FROM cards c
            WHERE t.token_hash = $1 AND t.merchant_id = $2 AND t.consumed_at IS NULL AND t.expires_at > $3
              AND c.card_number = t.card_number AND c.customer_email IS NOT NULL
            RETURNING c.customer_email
            """, merchantId, token);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>A statement on one token: $1 its hash, $2 the merchant, $3 now.</summary>
    private NpgsqlCommand TokenCommand(string sql, Guid merchantId, string token)
    {
        var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(Parameter(AdminTokens.Hash(token)));
        command.Parameters.Add(Parameter(merchantId));
        command.Parameters.Add(Parameter(time.GetUtcNow()));
        return command;
    }

    private static bool LooksLikeToken(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength;

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(values.Select(Parameter).ToArray());
        return command;
    }

    private static NpgsqlParameter Parameter(object value) => new() { Value = value };
}
