using Loyalty.Database;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Email.Log;

/// <summary>Reads <c>email_log</c> for the admin API, and records test e-mails (the dispatcher records its attempts itself).</summary>
public sealed class EmailLog(LoyaltyDatabase database)
{
    private const string Filter =
        "WHERE ($1::uuid IS NULL OR merchant_id = $1) AND ($2::text IS NULL OR status = $2) " +
        "AND ($3::text IS NULL OR lower(recipient) = lower($3)) AND ($4::text IS NULL OR template = $4)";

    public async Task<EmailLogPage> PageAsync(EmailLogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            $"SELECT count(*) FROM email_log {Filter}",
            "SELECT id, outbox_id, merchant_id, template, locale, recipient, subject, attempt, status, detail, occurred_at " +
            $"FROM email_log {Filter} ORDER BY id DESC LIMIT $5 OFFSET $6",
            () => FilterParameters(filter),
            filter.Page,
            filter.PageSize,
            reader => new EmailLogEntry(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10)),
            cancellationToken);
        return new EmailLogPage(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>Records a test e-mail: no outbox message, no merchant.</summary>
    public async Task AddTestAsync(string recipient, string subject, string status, string detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO email_log (template, recipient, subject, attempt, status, detail, occurred_at) VALUES ('test', $1, $2, 1, $3, $4, $5)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recipient });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subject });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = detail });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<NpgsqlParameter> FilterParameters(EmailLogFilter filter) =>
    [
        new() { Value = filter.MerchantId is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
        Text(filter.Status),
        Text(filter.Recipient),
        Text(filter.Template),
    ];

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
