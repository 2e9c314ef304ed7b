using System.Collections.Concurrent;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Terminal;

/// <summary>Store time zones from the <c>stores</c> read model, cached: a store's time zone is fixed at creation.</summary>
public sealed class DatabaseStoreTimeZones(LoyaltyDatabase database) : IStoreTimeZones
{
    private readonly ConcurrentDictionary<Guid, string> _cache = new();

    public async Task<string> GetAsync(Guid storeId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(storeId, out var zone))
        {
            return zone;
        }

        await using var command = database.DataSource.CreateCommand("SELECT time_zone FROM stores WHERE store_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = storeId });
        zone = await command.ExecuteScalarAsync(cancellationToken) as string ?? "UTC";
        return _cache.GetOrAdd(storeId, zone);
    }
}
