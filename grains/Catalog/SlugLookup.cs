using Loyalty.Database;
using Npgsql;

namespace Loyalty.Grains.Catalog;

/// <summary>
/// Checks the read models for a taken slug before a grain writes, so the usual duplicate is a clean refusal. It is
/// only a first check: two creations racing past it are settled by the unique indexes (see <see cref="UniqueViolation"/>).
/// </summary>
public sealed class SlugLookup(LoyaltyDatabase database)
{
    public Task<bool> IsMerchantSlugTakenAsync(string slug) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM merchants WHERE slug = $1)", slug);

    public Task<bool> IsStoreSlugTakenAsync(Guid merchantId, string slug) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM stores WHERE merchant_id = $2 AND slug = $1)", slug, merchantId);

    private async Task<bool> ExistsAsync(string sql, string slug, Guid? merchantId = null)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
        if (merchantId is { } id)
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteScalarAsync() is true;
    }
}
