using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>A card's ledger for the card page, newest first, with store names and whether each entry can still be voided.</summary>
public static class CardLedger
{
    public const int PageSize = 25;

    /// <summary>The kinds the card rules can void (voids, expiries, enrolments and status changes cannot be).</summary>
    private static readonly string[] VoidableKinds = ["stamp", "stampRedemption", "points", "pointRedemption", "welcomeBonus", "adjustment"];

    public static Task<(List<CardLedgerRow> Items, long Total)> ReadAsync(LoyaltyDatabase database, string cardNumber, int page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM ledger_entries WHERE card_number = $1",
            """
            SELECT l.sequence, l.transaction_id, l.kind, l.reason, l.stamps_delta, l.points_delta, l.stamps_after, l.rewards_available_after,
                   l.points_after, s.name, l.occurred_at,
                   EXISTS (SELECT 1 FROM ledger_entries v WHERE v.card_number = l.card_number AND v.voided_transaction_id = l.transaction_id)
            FROM ledger_entries l
            LEFT JOIN stores s ON s.store_id::text = l.store_id
            WHERE l.card_number = $1
            ORDER BY l.sequence DESC
            LIMIT $2 OFFSET $3
            """,
            () => [new NpgsqlParameter<string> { TypedValue = cardNumber }],
            page,
            PageSize,
            reader =>
            {
                var kind = reader.GetString(2);
                var voided = reader.GetBoolean(11);
                return new CardLedgerRow(
                    reader.GetInt64(0), reader.GetGuid(1), kind, reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt32(6),
                    reader.GetInt32(7), reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10),
                    voided, !voided && VoidableKinds.Contains(kind, StringComparer.Ordinal));
            },
            cancellationToken);
    }
}
