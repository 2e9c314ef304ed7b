using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Grains.Cards;

/// <summary>
/// Reads stored first answers of idempotency keys (kept at least 30 days): the answer's JSON, or for an applied
/// operation the ledger entry its record points at, from which the answer is rebuilt (<see cref="CardRows.Applied"/>).
/// </summary>
internal static class IdempotencyStore
{
    public static async Task<IdempotencyRecord?> FindAsync(LoyaltyDatabase database, Guid merchantId, string key)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT i.fingerprint, i.outcome, i.card_number, i.ledger_sequence, l.transaction_id, l.kind, l.points_delta,
                   l.stamps_after, l.rewards_available_after, l.points_after
            FROM idempotency_keys i
            LEFT JOIN ledger_entries l ON i.ledger_sequence IS NOT NULL AND l.card_number = i.card_number AND l.sequence = i.ledger_sequence
            WHERE i.merchant_id = $1 AND i.idempotency_key = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = merchantId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var fingerprint = reader.GetString(0);
        var cardNumber = reader.GetString(2);
        if (!reader.IsDBNull(1))
        {
            return new IdempotencyRecord(key, fingerprint, CardRows.ReadOutcome(reader.GetString(1), cardNumber, merchantId));
        }

        if (reader.IsDBNull(3) || reader.IsDBNull(4))
        {
            throw new InvalidOperationException(
                $"Idempotency key {key} of card {cardNumber} has no stored answer: it points at ledger entry " +
                $"{(reader.IsDBNull(3) ? "(none)" : reader.GetInt64(3).ToString(System.Globalization.CultureInfo.InvariantCulture))}, which does not exist.");
        }

        var answer = CardRows.Applied(
            reader.GetGuid(4),
            Enum.Parse<LedgerKind>(reader.GetString(5), ignoreCase: true),
            reader.GetInt64(6),
            new CardBalance(reader.GetInt32(7), reader.GetInt64(9), reader.GetInt32(8)));
        return new IdempotencyRecord(key, fingerprint, answer);
    }
}
