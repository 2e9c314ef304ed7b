namespace Loyalty.Web.Accounts;

/// <summary>A merchant, or a store of a merchant, an account may be given (the accounts form's choices).</summary>
public sealed record AdminScopeOption(Guid MerchantId, string MerchantName, Guid? StoreId, string? StoreName);
