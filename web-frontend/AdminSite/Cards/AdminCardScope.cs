using Loyalty.Database;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// Which cards a signed-in person may find and open on the admin pages (ADR 0030): a platform admin every card, a
/// merchant owner their merchant's, store staff their merchant's cards that have a ledger entry at their store (enrolled
/// or used there). Anything else answers the 404 page, so a card number reveals nothing.
/// </summary>
public static class AdminCardScope
{
    /// <summary>The search scope; <paramref name="merchantFilter"/> narrows a platform admin's search to one merchant.</summary>
    public static CardSearchScope For(AdminPrincipal admin, Guid? merchantFilter)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (admin.IsPlatformAdmin)
            return new CardSearchScope(merchantFilter, null);
        return admin.IsStoreStaff ? new CardSearchScope(admin.MerchantId, admin.StoreId) : new CardSearchScope(admin.MerchantId, null);
    }

    /// <summary>Whether <paramref name="admin"/> may see (and so change) <paramref name="card"/>.</summary>
    public static async Task<bool> MaySeeAsync(LoyaltyDatabase database, AdminPrincipal admin, CardView card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(card);
        if (admin.IsPlatformAdmin)
            return true;
        if (admin.MerchantId != card.MerchantId)
            return false;
        if (!admin.IsStoreStaff)
            return true;
        if (admin.StoreId is not { } storeId)
            return false;

        await using var command = database.DataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE card_number = $1 AND store_id = $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = card.CardNumber });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = storeId.ToString("D") });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
