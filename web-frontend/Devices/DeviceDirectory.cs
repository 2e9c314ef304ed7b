using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Devices;

/// <summary>
/// Reads the <c>devices</c> read model that device grains write. It finds which device a token hash belongs to, but
/// never decides whether the device may act: that is the device grain's answer (revocation must not be read from
/// a table a moment behind, nor from a cache).
/// </summary>
public sealed class DeviceDirectory(LoyaltyDatabase database)
{
    // Far more devices than a deployment pairs; past it, lookups simply go to the table.
    private const int MaxCachedDevices = 100_000;

    private const string Columns = "device_id, name, status, paired_at, last_seen_at";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> _deviceIds = new(StringComparer.Ordinal);

    /// <summary>
    /// The device a token hash belongs to. A token belongs to one device for good, so a found mapping is kept in memory
    /// and saves a query per terminal request; whether the device may act (revocation) is still the device grain's
    /// answer on every request. Unknown hashes are not kept, so a newly paired device is found at once.
    /// </summary>
    public async Task<Guid?> FindIdByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var key = Convert.ToHexString(tokenHash);
        if (_deviceIds.TryGetValue(key, out var known))
        {
            return known;
        }

        await using var command = database.DataSource.CreateCommand("SELECT device_id FROM devices WHERE token_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = tokenHash });
        if (await command.ExecuteScalarAsync(cancellationToken) is not Guid id)
        {
            return null;
        }

        if (_deviceIds.Count < MaxCachedDevices)
        {
            _deviceIds[key] = id;
        }

        return id;
    }

    public async Task<IReadOnlyList<DeviceResponse>> ListByStoreAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT {Columns} FROM devices WHERE store_id = $1 ORDER BY paired_at, device_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = storeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<DeviceResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(Read(reader));
        }

        return devices;
    }

    /// <summary>A page of the store's devices for the admin pages, the most recently paired first, and the store's total.</summary>
    public async Task<(IReadOnlyList<DeviceResponse> Items, long Total)> PageByStoreAsync(Guid storeId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM devices WHERE store_id = $1",
            $"SELECT {Columns} FROM devices WHERE store_id = $1 ORDER BY paired_at DESC, device_id LIMIT $2 OFFSET $3",
            () => [new NpgsqlParameter<Guid> { TypedValue = storeId }],
            page,
            pageSize,
            Read,
            cancellationToken);
        return (items, total);
    }

    private static DeviceResponse Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
}
