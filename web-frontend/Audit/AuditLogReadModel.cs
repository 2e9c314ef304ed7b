using System.Text.Json;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Audit;

/// <summary>Reads <c>audit_log</c>, which grains append to in the same write as each admin change.</summary>
public sealed class AuditLogReadModel(LoyaltyDatabase database)
{
    public async Task<AuditLogResponse> PageAsync(Guid merchantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var batch = database.DataSource.CreateBatch();
        var count = new NpgsqlBatchCommand("SELECT count(*) FROM audit_log WHERE merchant_id = $1");
        count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        var rows = new NpgsqlBatchCommand(
            "SELECT id, actor, action, subject_type, subject_id, details, occurred_at FROM audit_log " +
            "WHERE merchant_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3");
        rows.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        rows.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (page - 1L) * pageSize });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<AuditEntryResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var details = JsonDocument.Parse(reader.GetString(5));
            items.Add(new AuditEntryResponse(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                details.RootElement.Clone(),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return new AuditLogResponse(items, page, pageSize, total);
    }
}
