using Loyalty.Database;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Analytics;

/// <summary>Reads what the dashboard can be filtered by from the <c>merchants</c>, <c>stores</c> and <c>programs</c> read models.</summary>
public sealed class AnalyticsScopeReadModel(LoyaltyDatabase database)
{
    /// <summary>Merchants by name; <paramref name="onlyMerchantId"/> limits the list to that one.</summary>
    public async Task<IReadOnlyList<AnalyticsChoice>> MerchantsAsync(Guid? onlyMerchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT merchant_id, name FROM merchants WHERE $1::uuid IS NULL OR merchant_id = $1 ORDER BY name, merchant_id");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = onlyMerchantId is { } id ? id : DBNull.Value });
        var merchants = new List<AnalyticsChoice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            merchants.Add(new AnalyticsChoice(reader.GetGuid(0), reader.GetString(1)));
        }

        return merchants;
    }

    public async Task<AnalyticsScope> ScopeAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT store_id, name, time_zone FROM stores WHERE merchant_id = $1 ORDER BY name, store_id", merchantId));
        batch.BatchCommands.Add(Command("SELECT program_id, name FROM programs WHERE merchant_id = $1 ORDER BY name, program_id", merchantId));
        batch.BatchCommands.Add(Command("SELECT time_zone FROM stores WHERE merchant_id = $1 ORDER BY created_at, store_id LIMIT 1", merchantId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var stores = new List<AnalyticsChoice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stores.Add(new AnalyticsChoice(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        var programs = new List<AnalyticsChoice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            programs.Add(new AnalyticsChoice(reader.GetGuid(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var timeZone = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : TimeZoneInfo.Utc.Id;
        return new AnalyticsScope(stores, programs, timeZone);
    }

    private static NpgsqlBatchCommand Command(string sql, Guid merchantId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        return command;
    }
}
