namespace Loyalty.Web.Accounts;

/// <summary>An account to create: its role decides which of the merchant and store it must name (and which it must not).</summary>
public sealed record NewAdminAccount(string Email, string DisplayName, string Role, Guid? MerchantId, Guid? StoreId)
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    /// <summary>The role's scope, as the table's check constraint requires it.</summary>
    public bool HasValidScope => Role switch
    {
        Admin.AdminPrincipal.PlatformAdmin => MerchantId is null && StoreId is null,
        Admin.AdminPrincipal.MerchantOwner => MerchantId is not null && StoreId is null,
        Admin.AdminPrincipal.StoreStaff => MerchantId is not null && StoreId is not null,
        _ => false,
    };
}
