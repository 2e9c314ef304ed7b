using System.Security.Cryptography;
using System.Text;
using Loyalty.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// Each pass's <c>authenticationToken</c>: HMAC-SHA256 of the pass type and serial number under a 256-bit key the
/// deployment keeps in <c>apple_wallet_keys</c>, base64url (43 characters). Derived, not stored: the pass is signed again
/// on every download and every update, and each copy must carry the token the device already holds; any frontend checks
/// a token without a lookup per pass, and a page view writes nothing (ADR 0034).
/// </summary>
public sealed class ApplePassTokens(LoyaltyDatabase database, IOptions<AppleWalletOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async Task<string> TokenAsync(string serialNumber, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        return System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"apple-pass-v1\n{options.Value.PassTypeIdentifier}\n{serialNumber}")));
    }

    /// <summary>Whether <paramref name="presented"/> is the pass's token, compared in constant time.</summary>
    public async Task<bool> IsValidAsync(string serialNumber, string presented, CancellationToken cancellationToken)
    {
        var expected = Encoding.ASCII.GetBytes(await TokenAsync(serialNumber, cancellationToken));
        var given = Encoding.UTF8.GetBytes(presented);
        return given.Length == expected.Length && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } key)
            return key;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
                return _key;

            // The first process to need the key makes it; everyone else (and every later start) reads that one. A
            // process that lost a race to make it sees the winner's row only in a statement of its own: hence the retry.
            byte[]? stored = null;
            for (var attempt = 0; stored is null && attempt < 3; attempt++)
            {
                await using var command = database.DataSource.CreateCommand(
                    """
                    WITH made AS (
                        INSERT INTO apple_wallet_keys (id, token_key, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING RETURNING token_key)
                    SELECT token_key FROM made UNION ALL SELECT token_key FROM apple_wallet_keys WHERE id = 1
                    """);
                command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = RandomNumberGenerator.GetBytes(32) });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
                stored = await command.ExecuteScalarAsync(cancellationToken) as byte[];
            }

            if (stored is null)
                throw new InvalidOperationException("The Apple Wallet token key could not be made or read.");
            Volatile.Write(ref _key, stored);
            return stored;
        }
        finally
        {
            _loading.Release();
        }
    }


    public void Dispose() => _loading.Dispose();
}
