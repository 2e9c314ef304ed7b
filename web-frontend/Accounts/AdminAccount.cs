namespace Loyalty.Web.Accounts;

/// <summary>A person who signs in to the admin site (a row of <c>admin_accounts</c>, never its password hash).</summary>
public sealed record AdminAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    Guid? MerchantId,
    Guid? StoreId,
    string SecurityStamp,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;

    public Admin.AdminPrincipal ToPrincipal() => Admin.AdminPrincipal.ForAccount(Id, Role, MerchantId, StoreId);
}
