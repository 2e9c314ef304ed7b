namespace Loyalty.Email.Log;

/// <summary>Which log entries to list: a merchant's (null: all, for platform admins) and optional exact matches.</summary>
public sealed record EmailLogFilter(Guid? MerchantId, string? Status, string? Recipient, string? Template, int Page, int PageSize);
