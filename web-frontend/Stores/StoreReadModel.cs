using System.Text.Json;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Stores;

/// <summary>Reads the <c>stores</c> read model that the store grains write.</summary>
public sealed class StoreReadModel(LoyaltyDatabase database)
{
    /// <summary>The merchant's stores by name, descriptions resolved as the store grain would resolve them.</summary>
    public async Task<IReadOnlyList<StoreResponse>> ListAsync(Guid merchantId, string? locale, string merchantDefaultLocale, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT store_id, name, slug, time_zone, descriptions, created_at FROM stores WHERE merchant_id = $1 ORDER BY name, store_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stores = new List<StoreResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var descriptions = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
            StoreDescriptions.TryResolve(descriptions, locale, merchantDefaultLocale, out var descriptionLocale, out var description);
            stores.Add(new StoreResponse(
                reader.GetGuid(0),
                merchantId,
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                descriptions,
                description,
                descriptionLocale,
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return stores;
    }
}
