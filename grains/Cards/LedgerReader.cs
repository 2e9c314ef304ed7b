using Loyalty.Grains.Ledger;
using Loyalty.Database;

namespace Loyalty.Grains.Cards;

/// <summary>Reads a card's ledger rows back as entries, in sequence order, for verification and the admin API.</summary>
public static class LedgerReader
{
    public static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(LoyaltyDatabase database, string cardNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT transaction_id, card_number, sequence, kind, reason, stamps_delta, rewards_delta, points_delta, stamps_after,
                   rewards_available_after, points_after, voided_transaction_id, store_id, device_id, pin_id, idempotency_key,
                   occurred_at, recorded_at, previous_hash, hash
            FROM ledger_entries WHERE card_number = $1 ORDER BY sequence
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cardNumber });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry
            {
                TransactionId = reader.GetGuid(0),
                CardNumber = reader.GetString(1),
                Sequence = reader.GetInt64(2),
                Kind = Enum.Parse<LedgerKind>(reader.GetString(3), ignoreCase: true),
                Reason = reader.GetString(4),
                StampsDelta = reader.GetInt32(5),
                RewardsDelta = reader.GetInt32(6),
                PointsDelta = reader.GetInt64(7),
                StampsAfter = reader.GetInt32(8),
                RewardsAvailableAfter = reader.GetInt32(9),
                PointsAfter = reader.GetInt64(10),
                VoidedTransactionId = reader.IsDBNull(11) ? null : reader.GetGuid(11),
                StoreId = reader.IsDBNull(12) ? null : reader.GetString(12),
                DeviceId = reader.IsDBNull(13) ? null : reader.GetString(13),
                PinId = reader.IsDBNull(14) ? null : reader.GetString(14),
                IdempotencyKey = reader.IsDBNull(15) ? null : reader.GetString(15),
                OccurredAt = reader.GetFieldValue<DateTimeOffset>(16),
                RecordedAt = reader.GetFieldValue<DateTimeOffset>(17),
                PreviousHash = reader.GetString(18),
                Hash = reader.GetString(19),
            });
        }

        return entries;
    }
}
