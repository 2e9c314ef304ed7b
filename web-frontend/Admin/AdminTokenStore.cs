using System.Security.Cryptography;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Admin;

/// <summary>The admin API's tokens, stored as SHA-256 hashes in <c>admin_tokens</c>.</summary>
public sealed class AdminTokenStore(LoyaltyDatabase database, TimeProvider timeProvider)
{
    /// <summary>The principal a presented token belongs to, or null when it is unknown or revoked.</summary>
    public async Task<AdminPrincipal?> FindAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = AdminTokens.Hash(token);
        // One round trip: the lookup, and the token's last use when the recorded one is a minute old or more (so a
        // busy integration does not write on every request). No cache: a revoked token is refused on its next request.
        var now = timeProvider.GetUtcNow();
        await using var command = database.DataSource.CreateCommand(
            """
            WITH found AS (
                SELECT token_id, role, merchant_id, token_hash, last_used_at FROM admin_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
            used AS (
                UPDATE admin_tokens t SET last_used_at = $2 FROM found
                WHERE t.token_id = found.token_id AND (found.last_used_at IS NULL OR found.last_used_at <= $2 - interval '1 minute'))
            SELECT token_id, role, merchant_id, token_hash FROM found
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // The lookup is by hash, which reveals nothing about the token; the final comparison is constant-time anyway.
        var stored = reader.GetFieldValue<byte[]>(3);
        if (!CryptographicOperations.FixedTimeEquals(stored, hash))
        {
            return null;
        }

        return AdminPrincipal.ForToken(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
    }

    /// <summary>
    /// Makes the configured bootstrap token the platform-admin bootstrap token, replacing an earlier one.
    /// </summary>
    public async Task SetBootstrapTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO admin_tokens (token_id, token_hash, role, description, is_bootstrap, created_at)
            VALUES ($1, $2, 'platform-admin', 'Bootstrap token (Loyalty:Admin:BootstrapToken)', true, $3)
            ON CONFLICT (is_bootstrap) WHERE is_bootstrap
            DO UPDATE SET token_hash = EXCLUDED.token_hash, description = EXCLUDED.description, revoked_at = NULL
            WHERE admin_tokens.token_hash <> EXCLUDED.token_hash OR admin_tokens.revoked_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = AdminTokens.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a bootstrap token unless one exists. Returns the new token, or null when one already existed
    /// (so several processes starting at once generate, and log, exactly one).
    /// </summary>
    public async Task<string?> CreateBootstrapTokenIfMissingAsync(CancellationToken cancellationToken)
    {
        var token = AdminTokens.Generate();
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO admin_tokens (token_id, token_hash, role, description, is_bootstrap, created_at)
            VALUES ($1, $2, 'platform-admin', 'Bootstrap token generated on first start', true, $3)
            ON CONFLICT (is_bootstrap) WHERE is_bootstrap DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = AdminTokens.Hash(token) });
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? token : null;
    }
}
