namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>The catalogue pages' addresses.</summary>
public static class CatalogPaths
{
    public const string Merchants = "/admin/merchants";

    public static string Merchant(Guid merchantId) => $"{Merchants}/{merchantId:D}";

    public static string NewStore(Guid merchantId) => $"{Merchant(merchantId)}/stores/new";

    public static string Store(Guid merchantId, Guid storeId) => $"{Merchant(merchantId)}/stores/{storeId:D}";

    public static string NewProgram(Guid merchantId) => $"{Merchant(merchantId)}/programs/new";

    public static string Program(Guid merchantId, Guid programId) => $"{Merchant(merchantId)}/programs/{programId:D}";
}
