namespace Loyalty.Web.AdminSite.Operations;

/// <summary>A store the admin may manage, with its merchant and the IANA time zone its times are shown in.</summary>
public sealed record OperationsStore(Guid StoreId, string StoreName, Guid MerchantId, string MerchantName, string TimeZone);
