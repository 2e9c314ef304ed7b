using Loyalty.Web.Admin;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Stores;

/// <summary>Admin access to one store: platform admins reach every store, merchant owners only their merchant's.</summary>
internal static class StoreAccess
{
    /// <summary>The store when the caller may act on it; otherwise the 404 or 403 problem to answer.</summary>
    public static async Task<(StoreInfo? Store, IResult? Refusal)> AuthorizeAsync(
        HttpContext context, IStoreDirectory stores, Guid storeId, CancellationToken cancellationToken)
    {
        var admin = context.GetAdmin();
        var store = await stores.FindAsync(storeId, cancellationToken);
        if (store is null)
        {
            return (null, Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.StoreNotFound, "Store not found", $"There is no store {storeId}."));
        }

        return MayManage(admin, store.MerchantId)
            ? (store, null)
            : (null, Problem.Forbidden("The store belongs to another merchant."));
    }

    public static bool MayManage(AdminPrincipal admin, Guid merchantId) =>
        admin.IsPlatformAdmin || (admin.Role == AdminPrincipal.MerchantOwner && admin.MerchantId == merchantId);
}
