namespace Loyalty.Web.Accounts;

/// <summary>An account as the accounts page lists it, with its merchant's and store's names.</summary>
public sealed record AdminAccountRow(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    Guid? MerchantId,
    string? MerchantName,
    Guid? StoreId,
    string? StoreName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt);
