using Loyalty.Web.Admin;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// Who may do what on the catalogue pages. Platform admins: everything. A merchant owner: their merchant, its stores
/// and programs. Store staff: read their own store's page only (no merchant page, no program, no change). Anything
/// else is answered with the not-found page, so an id reveals nothing.
/// </summary>
public static class CatalogAccess
{
    public static bool CanManage(AdminPrincipal admin, Guid merchantId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return admin.IsPlatformAdmin || (admin.IsMerchantOwner && admin.MerchantId == merchantId);
    }

    public static bool CanViewStore(AdminPrincipal admin, Guid merchantId, Guid storeId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return CanManage(admin, merchantId) || (admin.IsStoreStaff && admin.MerchantId == merchantId && admin.StoreId == storeId);
    }

    /// <summary>Where the merchants list sends someone who sees one merchant or one store only.</summary>
    public static string? HomeFor(AdminPrincipal admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return admin switch
        {
            { IsPlatformAdmin: true } => null,
            { IsMerchantOwner: true, MerchantId: { } merchantId } => CatalogPaths.Merchant(merchantId),
            { IsStoreStaff: true, MerchantId: { } merchantId, StoreId: { } storeId } => CatalogPaths.Store(merchantId, storeId),
            _ => null,
        };
    }
}
