using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Portal;

/// <summary>
/// The read models the portal shows: a customer's cards at a merchant (by e-mail, across its
/// programs), and a card's ledger with store names. A customer is an e-mail at one merchant: every query is scoped by both.
/// </summary>
public sealed class PortalDirectory(LoyaltyDatabase database)
{
    /// <summary>The customer's cards at the merchant, oldest first.</summary>
    public async Task<IReadOnlyList<CustomerCardRow>> ListCardsAsync(Guid merchantId, string email, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT c.card_number, c.program_id, p.name, c.customer_name, c.customer_email, c.customer_phone, c.customer_birthday,
                   c.customer_locale, c.stamps, c.rewards_available, c.points, c.lifetime_points, c.tier, c.status, c.enrolled_at
            FROM cards c JOIN programs p ON p.program_id = c.program_id
            WHERE p.merchant_id = $1 AND lower(c.customer_email) = lower($2)
            ORDER BY c.enrolled_at, c.card_number
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cards = new List<CustomerCardRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cards.Add(new CustomerCardRow(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                reader.GetString(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt64(10), reader.GetInt64(11),
                reader.GetString(12), reader.GetString(13), reader.GetFieldValue<DateTimeOffset>(14)));
        }

        return cards;
    }

    /// <summary>One page of a card's ledger, newest first, and how many entries it has in all.</summary>
    public async Task<(IReadOnlyList<HistoryEntry> Entries, long Total)> HistoryAsync(string cardNumber, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT l.kind, l.reason, l.stamps_delta, l.points_delta, l.stamps_after, l.points_after, s.name, l.occurred_at,
                   count(*) OVER ()
            FROM ledger_entries l LEFT JOIN stores s ON s.store_id::text = l.store_id
            WHERE l.card_number = $1 ORDER BY l.sequence DESC OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cardNumber });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(page - 1) * pageSize });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<HistoryEntry>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HistoryEntry(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
            total = reader.GetInt64(8);
        }

        return (entries, total);
    }
}
