namespace Loyalty.Web.Tests.Hosting;

public sealed record TestStore(Guid StoreId, string StoreName, Guid MerchantId, string MerchantName);
