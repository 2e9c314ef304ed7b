using System.Text.Json;
using Loyalty.Database;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.Audit;

/// <summary>Reads <c>audit_log</c>, which grains append to in the same write as each admin change.</summary>
public sealed class AuditLogReadModel(LoyaltyDatabase database)
{
    public async Task<AuditLogResponse> PageAsync(Guid merchantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM audit_log WHERE merchant_id = $1",
            "SELECT id, actor, action, subject_type, subject_id, details, occurred_at FROM audit_log " +
            "WHERE merchant_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
            () => [new NpgsqlParameter<Guid> { TypedValue = merchantId }],
            page,
            pageSize,
            reader =>
            {
                using var details = JsonDocument.Parse(reader.GetString(5));
                return new AuditEntryResponse(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    details.RootElement.Clone(),
                    reader.GetFieldValue<DateTimeOffset>(6));
            },
            cancellationToken);
        return new AuditLogResponse(items, page, pageSize, total);
    }
}
