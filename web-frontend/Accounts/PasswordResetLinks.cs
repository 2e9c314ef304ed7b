using System.Text.Json;
using Loyalty.Database;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Loyalty.Web.Accounts;

/// <summary>
/// Password reset links for admin accounts (ADR 0027), as the portal's sign-in links: a 256-bit random token of which
/// only the SHA-256 is stored (<c>admin_password_reset_tokens</c>), valid for 30 minutes by the injected clock, sent
/// through the outbox (<c>admin-password-reset</c>) in the same transaction, and spent once by a conditional update
/// that sets the new password in the same statement.
/// </summary>
public sealed class PasswordResetLinks(LoyaltyDatabase database, CustomerLinks links, IPasswordHasher<AdminAccount> hasher, TimeProvider time)
{
    public const string SentAction = "admin-account.reset-link-sent";
    public const string ResetAction = "admin-account.password-reset";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    // Tokens are base64url of 32 bytes; anything much longer is not one, and is not hashed or looked up.
    private const int MaxTokenLength = 64;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Sends a link to the account with <paramref name="email"/> when there is one and it is not disabled; otherwise
    /// writes nothing. The caller answers the same either way.
    /// </summary>
    public async Task RequestAsync(string email, string locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var find = database.DataSource.CreateCommand(
            "SELECT account_id FROM admin_accounts WHERE lower(email) = lower($1) AND disabled_at IS NULL");
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email.Trim() });
        if (await find.ExecuteScalarAsync(cancellationToken) is Guid accountId)
            await SendAsync(accountId, locale, actor: null, cancellationToken);
    }

    /// <summary>
    /// Sends a link to the account (an admin's action on the accounts page, audited with <paramref name="actor"/>, or a
    /// person's own request when null). False when the account does not exist or is disabled.
    /// </summary>
    public async Task<bool> SendAsync(Guid accountId, string locale, string? actor, CancellationToken cancellationToken)
    {
        var token = AdminTokens.Generate();
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;
        var link = links.Absolute($"{AdminPaths.ResetPassword}?token={token}").AbsoluteUri;
        await using var command = database.DataSource.CreateCommand(
            """
            WITH account AS (
                SELECT account_id, email, display_name, merchant_id FROM admin_accounts WHERE account_id = $1 AND disabled_at IS NULL),
            cleaned AS (
                DELETE FROM admin_password_reset_tokens WHERE expires_at < $3 - interval '1 day'),
            stored AS (
                INSERT INTO admin_password_reset_tokens (token_hash, account_id, created_at, expires_at)
                SELECT $2, account_id, $3, $4 FROM account),
            sent AS (
                INSERT INTO outbox (topic, merchant_id, card_number, payload, created_at)
                SELECT $5, merchant_id, NULL,
                       jsonb_build_object('email', email, 'displayName', display_name, 'locale', $6::text, 'link', $7::text, 'expiresAt', $8::text), $3
                FROM account),
            audited AS (
                INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
                SELECT merchant_id, $9, $10, 'admin-account', account_id::text, jsonb_build_object('email', email), $3
                FROM account WHERE $9::text IS NOT NULL)
            SELECT count(*) FROM account
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = AdminTokens.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = expiresAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxTopics.AdminPasswordReset });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locale });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = link });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(expiresAt, PayloadJson).Trim('"') });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)actor ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SentAction });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>Whether the token could reset a password now (for the page the link opens; it spends nothing).</summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
            return false;
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT 1 FROM admin_password_reset_tokens t JOIN admin_accounts a ON a.account_id = t.account_id
            WHERE t.token_hash = $1 AND t.consumed_at IS NULL AND t.expires_at > $2 AND a.disabled_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = AdminTokens.Hash(token!) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// Spends the token and sets the account's password in one statement: a new security stamp (every session ends), the
    /// lockout cleared, audited with the account as actor. Of concurrent attempts exactly one succeeds; false for an
    /// unknown, expired or spent token, or a disabled account.
    /// </summary>
    public async Task<bool> ResetAsync(string? token, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        if (!LooksLikeToken(token))
            return false;
        await using var command = database.DataSource.CreateCommand(
            """
            WITH spent AS (
                UPDATE admin_password_reset_tokens t SET consumed_at = $2 FROM admin_accounts a
                WHERE t.token_hash = $1 AND t.consumed_at IS NULL AND t.expires_at > $2
                  AND a.account_id = t.account_id AND a.disabled_at IS NULL
                RETURNING t.account_id),
            reset AS (
                UPDATE admin_accounts a SET password_hash = $3, security_stamp = $4, failed_attempts = 0, locked_until = NULL,
                                            must_change_password = false
                FROM spent WHERE a.account_id = spent.account_id
                RETURNING a.account_id, a.merchant_id, a.email),
            audited AS (
                INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
                SELECT merchant_id, 'account:' || account_id::text, $5, 'admin-account', account_id::text, jsonb_build_object('email', email), $2
                FROM reset)
            SELECT count(*) FROM reset
            """);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = AdminTokens.Hash(token!) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hasher.HashPassword(null!, newPassword) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AdminAccountStore.NewStamp() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ResetAction });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static bool LooksLikeToken(string? token) => !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength;
}
