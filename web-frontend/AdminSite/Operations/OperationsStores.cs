using Loyalty.Database;
using Loyalty.Web.Admin;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.AdminSite.Operations;

/// <summary>
/// The stores an admin may manage on the staff and devices pages, from the <c>stores</c> and <c>merchants</c> read
/// models: every store for platform admins, the merchant's stores for its owner, the one store of store staff.
/// </summary>
public sealed class OperationsStores(LoyaltyDatabase database)
{
    private const string Select = """
        SELECT s.store_id, s.name, s.merchant_id, m.name, s.time_zone
        FROM stores s JOIN merchants m ON m.merchant_id = s.merchant_id
        """;

    /// <summary>The admin's stores, by merchant name, then store name.</summary>
    public async Task<IReadOnlyList<OperationsStore>> ListAsync(AdminPrincipal admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var command = database.DataSource.CreateCommand(
            $"{Select} WHERE ($1::uuid IS NULL OR s.merchant_id = $1) AND ($2::uuid IS NULL OR s.store_id = $2) ORDER BY m.name, m.merchant_id, s.name, s.store_id");
        command.Parameters.Add(Uuid(admin.IsPlatformAdmin ? null : admin.MerchantId ?? Guid.Empty));
        command.Parameters.Add(Uuid(admin.IsStoreStaff ? admin.StoreId ?? Guid.Empty : null));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The store when it exists and the admin may manage it; null otherwise (the caller answers the 404 page).</summary>
    public async Task<OperationsStore?> FindAsync(AdminPrincipal admin, Guid storeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var command = database.DataSource.CreateCommand($"{Select} WHERE s.store_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = storeId });
        var found = await ReadAsync(command, cancellationToken);
        return found is [var store] && admin.CanAccessStore(store.MerchantId, store.StoreId) ? store : null;
    }

    private static NpgsqlParameter Uuid(Guid? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value is { } id ? id : DBNull.Value };

    private static async Task<IReadOnlyList<OperationsStore>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stores = new List<OperationsStore>();
        while (await reader.ReadAsync(cancellationToken))
            stores.Add(new OperationsStore(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4)));
        return stores;
    }
}
