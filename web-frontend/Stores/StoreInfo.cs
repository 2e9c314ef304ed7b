namespace Loyalty.Web.Stores;

/// <summary>A store and the merchant it belongs to, as the admin and terminal APIs need them.</summary>
internal sealed record StoreInfo(Guid StoreId, string StoreName, Guid MerchantId, string MerchantName);
