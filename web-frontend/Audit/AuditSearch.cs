using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Audit;

/// <summary>Reads <c>audit_log</c> for the admin site's audit page, newest first, with the actors' e-mails and token names.</summary>
public sealed class AuditSearch(LoyaltyDatabase database)
{
    private const string From =
        """
        FROM audit_log l
        LEFT JOIN merchants m ON m.merchant_id = l.merchant_id
        LEFT JOIN admin_accounts acc ON l.actor LIKE 'account:%' AND acc.account_id::text = substring(l.actor FROM 9)
        LEFT JOIN admin_tokens tok ON tok.token_id::text = l.actor
        WHERE ($1::uuid IS NULL OR l.merchant_id = $1)
          AND ($2::text IS NULL OR l.action = $2)
          AND ($3::text IS NULL OR l.actor = $3 OR lower(acc.email) = lower($3))
          AND ($4::timestamptz IS NULL OR l.occurred_at >= $4)
          AND ($5::timestamptz IS NULL OR l.occurred_at < $5)
        """;

    public async Task<(IReadOnlyList<AuditRow> Items, long Total)> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            $"SELECT count(*) {From}",
            $"""
            SELECT l.id, l.occurred_at, l.merchant_id, m.name, l.actor, acc.email, tok.description, l.action, l.subject_type, l.subject_id, l.details::text
            {From}
            ORDER BY l.id DESC LIMIT $6 OFFSET $7
            """,
            () => Parameters(filter),
            page,
            pageSize,
            reader => new AuditRow(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10)),
            cancellationToken);
        return (items, total);
    }

    /// <summary>The actions the log holds within the merchant's scope (every merchant's when null), for the action filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(Guid? merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT DISTINCT action FROM audit_log WHERE $1::uuid IS NULL OR merchant_id = $1 ORDER BY action");
        command.Parameters.Add(Nullable(merchantId, NpgsqlTypes.NpgsqlDbType.Uuid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            actions.Add(reader.GetString(0));
        return actions;
    }

    private static NpgsqlParameter[] Parameters(AuditFilter filter) =>
    [
        Nullable(filter.MerchantId, NpgsqlTypes.NpgsqlDbType.Uuid),
        Nullable(filter.Action, NpgsqlTypes.NpgsqlDbType.Text),
        Nullable(filter.Actor, NpgsqlTypes.NpgsqlDbType.Text),
        Nullable(filter.From, NpgsqlTypes.NpgsqlDbType.TimestampTz),
        Nullable(filter.Until, NpgsqlTypes.NpgsqlDbType.TimestampTz),
    ];

    private static NpgsqlParameter Nullable(object? value, NpgsqlTypes.NpgsqlDbType type) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
