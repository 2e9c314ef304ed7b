using System.Text.Json;
using Loyalty.Database;
using Loyalty.Web.Admin;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Merchants;

/// <summary>Reads the <c>merchants</c> read model that the merchant grains write.</summary>
public sealed class MerchantReadModel(LoyaltyDatabase database)
{
    /// <summary>The merchant's default locale, or null when the merchant does not exist.</summary>
    public async Task<string?> FindDefaultLocaleAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT default_locale FROM merchants WHERE merchant_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// A page of merchants, oldest first, each with its stores by name; <paramref name="onlyMerchantId"/> limits the
    /// list to that merchant (a merchant owner's view).
    /// </summary>
    public async Task<MerchantPage> PageAsync(Guid? onlyMerchantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM merchants WHERE $1::uuid IS NULL OR merchant_id = $1",
            """
            SELECT m.merchant_id, m.name, m.slug, m.default_locale, m.created_at,
                   coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.store_id, 'name', s.name, 'slug', s.slug) ORDER BY s.name, s.store_id)
                             FROM stores s WHERE s.merchant_id = m.merchant_id), '[]')
            FROM merchants m WHERE $1::uuid IS NULL OR m.merchant_id = $1
            ORDER BY m.created_at, m.merchant_id LIMIT $2 OFFSET $3
            """,
            () => [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = onlyMerchantId is { } id ? id : DBNull.Value }],
            page,
            pageSize,
            reader => new MerchantSummaryResponse(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                JsonSerializer.Deserialize<List<StoreSummaryResponse>>(reader.GetString(5), JsonSerializerOptions.Web) ?? []),
            cancellationToken);
        return new MerchantPage(items, page, pageSize, total);
    }
}
