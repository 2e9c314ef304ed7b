using Loyalty.Runtime.Postgres;
using Npgsql;

namespace Loyalty.Grains.Cards;

/// <summary>Reads stored first answers of idempotency keys (kept at least 30 days).</summary>
internal static class IdempotencyStore
{
    public static async Task<IdempotencyRecord?> FindAsync(LoyaltyDatabase database, Guid merchantId, string key)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT fingerprint, outcome::text, card_number FROM idempotency_keys WHERE merchant_id = $1 AND idempotency_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new IdempotencyRecord(key, reader.GetString(0), CardRows.ReadOutcome(reader.GetString(1), reader.GetString(2), merchantId))
            : null;
    }
}
