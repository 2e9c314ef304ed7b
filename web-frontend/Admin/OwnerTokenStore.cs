using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Admin;

/// <summary>
/// Merchant-owner tokens in <c>admin_tokens</c>: issued, listed and revoked by platform admins. Each change writes its
/// <c>audit_log</c> row in the same statement, so a token never exists (or is revoked) without its entry.
/// </summary>
public sealed class OwnerTokenStore(LoyaltyDatabase database, TimeProvider timeProvider)
{
    public const string CreatedAction = "admin-token.created";
    public const string RevokedAction = "admin-token.revoked";

    /// <summary>A new token for the merchant, or null when the merchant does not exist. The clear token is returned once, here.</summary>
    public async Task<CreatedOwnerTokenResponse?> CreateAsync(Guid merchantId, string name, string actor, CancellationToken cancellationToken)
    {
        var token = AdminTokens.Generate();
        var now = timeProvider.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: answer the time the list will show
        var tokenId = Guid.CreateVersion7(now);
        await using var command = database.DataSource.CreateCommand(
            """
            WITH token AS (
                INSERT INTO admin_tokens (token_id, token_hash, role, merchant_id, description, created_at)
                SELECT $1, $2, 'merchant-owner', $3, $4, $5 WHERE EXISTS (SELECT 1 FROM merchants WHERE merchant_id = $3)
                RETURNING token_id, merchant_id, description, created_at)
            INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
            SELECT merchant_id, $6, $7, 'admin-token', token_id::text, jsonb_build_object('name', description, 'role', 'merchant-owner'), created_at
            FROM token
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tokenId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = AdminTokens.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CreatedAction });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? new CreatedOwnerTokenResponse(tokenId, name, merchantId, AdminPrincipal.MerchantOwner, now, token)
            : null;
    }

    /// <summary>The merchant's owner tokens, oldest first, revoked ones included (never their hashes).</summary>
    public async Task<IReadOnlyList<OwnerTokenResponse>> ListAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT token_id, description, created_at, last_used_at, revoked_at FROM admin_tokens
            WHERE merchant_id = $1 AND role = 'merchant-owner' ORDER BY created_at, token_id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<OwnerTokenResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new OwnerTokenResponse(
                reader.GetGuid(0),
                reader.GetString(1),
                merchantId,
                AdminPrincipal.MerchantOwner,
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return tokens;
    }

    /// <summary>
    /// Revokes the merchant's token: true when it exists (revoked now, or before: revoking twice changes and audits
    /// nothing more), false when the merchant has no such owner token.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid merchantId, Guid tokenId, string actor, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            WITH token AS (
                SELECT token_id, merchant_id, description, revoked_at FROM admin_tokens
                WHERE token_id = $1 AND merchant_id = $2 AND role = 'merchant-owner'),
            revoked AS (
                UPDATE admin_tokens t SET revoked_at = $3 FROM token
                WHERE t.token_id = token.token_id AND token.revoked_at IS NULL
                RETURNING t.token_id, t.merchant_id, t.description),
            audited AS (
                INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
                SELECT merchant_id, $4, $5, 'admin-token', token_id::text, jsonb_build_object('name', description), $3 FROM revoked)
            SELECT count(*) FROM token
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tokenId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RevokedAction });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }
}
