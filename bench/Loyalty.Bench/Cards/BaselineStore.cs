using Npgsql;

namespace Loyalty.Bench.Cards;

/// <summary>
/// The design the grains replace: a stateless handler per stamp that locks the card row, updates it and appends a ledger
/// row in one transaction (<c>BEGIN; SELECT … FOR UPDATE; UPDATE; INSERT; COMMIT</c>), on tables of its own.
/// </summary>
public sealed class BaselineStore(NpgsqlDataSource database)
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS baseline_cards (
            card_number text PRIMARY KEY, stamps integer NOT NULL, rewards_available integer NOT NULL, last_activity_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS baseline_ledger (
            id bigserial PRIMARY KEY, card_number text NOT NULL, idempotency_key text NOT NULL UNIQUE, stamps_delta integer NOT NULL,
            stamps_after integer NOT NULL, rewards_available_after integer NOT NULL, recorded_at timestamptz NOT NULL);
        """;

    private const int StampsRequired = 10;

    public async Task CreateCardsAsync(IReadOnlyList<string> cardNumbers)
    {
        ArgumentNullException.ThrowIfNull(cardNumbers);
        await using var command = database.CreateCommand(
            "INSERT INTO baseline_cards SELECT unnest($1::text[]), 0, 0, now() ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = cardNumbers.ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task StampAsync(string cardNumber, string idempotencyKey)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        int stamps, rewards;
        await using (var select = new NpgsqlCommand("SELECT stamps, rewards_available FROM baseline_cards WHERE card_number = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
            await using var reader = await select.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"No baseline card {cardNumber}.");
            }

            (stamps, rewards) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        stamps++;
        if (stamps >= StampsRequired)
        {
            (stamps, rewards) = (stamps - StampsRequired, rewards + 1);
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE baseline_cards SET stamps = $2, rewards_available = $3, last_activity_at = now() WHERE card_number = $1", connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
            update.Parameters.Add(new NpgsqlParameter { Value = stamps });
            update.Parameters.Add(new NpgsqlParameter { Value = rewards });
            await update.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO baseline_ledger (card_number, idempotency_key, stamps_delta, stamps_after, rewards_available_after, recorded_at) VALUES ($1, $2, 1, $3, $4, now())",
            connection,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
            insert.Parameters.Add(new NpgsqlParameter { Value = idempotencyKey });
            insert.Parameters.Add(new NpgsqlParameter { Value = stamps });
            insert.Parameters.Add(new NpgsqlParameter { Value = rewards });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Ledger rows and stamps given so far (stamps plus those turned into rewards).</summary>
    public async Task<(long LedgerRows, long Stamps)> TotalsAsync()
    {
        await using var command = database.CreateCommand(
            $"SELECT (SELECT count(*) FROM baseline_ledger), (SELECT coalesce(sum(stamps + rewards_available * {StampsRequired}), 0) FROM baseline_cards)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
