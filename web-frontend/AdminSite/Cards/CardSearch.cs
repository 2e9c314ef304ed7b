using Loyalty.Database;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// Finds cards in the <c>cards</c> read model for the admin pages, one page at a time (loyalty migration 0005 has the
/// indexes; ADR 0030 the design and the figures on a million cards). Each key is answered from its index: the card
/// number from the primary key, an e-mail prefix and a phone suffix from b-tree ranges (written as ranges rather than
/// LIKE so that prepared, generic plans use them too), a name from the trigram index; a name search also finds e-mail
/// addresses starting with the text, for an address typed without its <c>@</c>.
/// </summary>
public static class CardSearch
{
    public const int PageSize = 25;

    // Above every character in UTF-8 byte order: [prefix, prefix + this) is "starts with prefix" for text_pattern_ops.
    private const string AfterEveryPrefix = "\U0010FFFF";

    public static Task<(List<CardSearchRow> Items, long Total)> FindAsync(
        LoyaltyDatabase database, CardSearchQuery query, CardSearchScope scope, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        if (!query.CanRun)
            throw new ArgumentException("The query has nothing to search for.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);

        var (match, values) = Match(query);
        var conditions = new List<string> { match };
        var parameters = new List<Func<NpgsqlParameter>>(values.Select(v => (Func<NpgsqlParameter>)(() => Text(v))));
        if (scope.MerchantId is { } merchantId)
        {
            parameters.Add(() => new NpgsqlParameter<Guid> { TypedValue = merchantId });
            conditions.Add($"c.merchant_id = ${parameters.Count}");
        }

        if (scope.StoreId is { } storeId)
        {
            // The card's own ledger entries, through the ledger's primary key (card_number, sequence): no index on
            // store_id, which every card operation would have to maintain.
            parameters.Add(() => Text(storeId.ToString("D")));
            conditions.Add($"EXISTS (SELECT 1 FROM ledger_entries l WHERE l.card_number = c.card_number AND l.store_id = ${parameters.Count})");
        }

        var where = string.Join(" AND ", conditions);
        var (limit, offset) = (parameters.Count + 1, parameters.Count + 2);
        return PagedQuery.ReadAsync(
            database,
            $"SELECT count(*) FROM cards c WHERE {where}",
            $"""
            SELECT c.card_number, coalesce(m.name, ''), coalesce(p.name, ''), c.customer_name, c.customer_email, c.customer_phone,
                   c.status, c.stamps, c.rewards_available, c.points, c.tier
            FROM cards c
            LEFT JOIN merchants m ON m.merchant_id = c.merchant_id
            LEFT JOIN programs p ON p.program_id = c.program_id
            WHERE {where}
            ORDER BY c.customer_name NULLS LAST, c.card_number
            LIMIT ${limit} OFFSET ${offset}
            """,
            () => parameters.Select(make => make()),
            page,
            PageSize,
            reader => new CardSearchRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt64(9), reader.GetString(10)),
            cancellationToken);
    }

    /// <summary>The condition for the key, with its text parameters ($1, $2).</summary>
    private static (string Condition, string[] Values) Match(CardSearchQuery query) => query.Kind switch
    {
        CardSearchKind.Number => ("c.card_number = $1", [query.Value]),
        CardSearchKind.Email => (
            "c.customer_email IS NOT NULL AND lower(c.customer_email) ~>=~ $1 AND lower(c.customer_email) ~<~ $2",
            [query.Value, query.Value + AfterEveryPrefix]),
        CardSearchKind.Phone => (
            "c.customer_phone IS NOT NULL AND card_search_phone(c.customer_phone) ~>=~ $1 AND card_search_phone(c.customer_phone) ~<~ $2",
            [Reverse(query.Value), Reverse(query.Value) + AfterEveryPrefix]),
        // A name's part, or the start of an e-mail address typed without its @ ("emma.sch"): two indexes, one BitmapOr.
        CardSearchKind.Name => (
            """
            ((c.customer_name IS NOT NULL AND card_search_fold(c.customer_name) LIKE '%' || card_search_fold($1) || '%')
             OR (c.customer_email IS NOT NULL AND lower(c.customer_email) ~>=~ $2 AND lower(c.customer_email) ~<~ $3))
            """,
            [EscapeLike(query.Value), query.Value.ToLowerInvariant(), query.Value.ToLowerInvariant() + AfterEveryPrefix]),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, "Nothing to search for."),
    };

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static string Reverse(string digits)
    {
        var characters = digits.ToCharArray();
        Array.Reverse(characters);
        return new string(characters);
    }

    // LIKE's escape character is the backslash: the text is matched literally.
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
