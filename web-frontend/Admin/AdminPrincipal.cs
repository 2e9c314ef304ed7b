namespace Loyalty.Web.Admin;

/// <summary>Who an admin token belongs to.</summary>
public sealed record AdminPrincipal(Guid TokenId, string Role, Guid? MerchantId)
{
    public const string PlatformAdmin = "platform-admin";
    public const string MerchantOwner = "merchant-owner";

    public bool IsPlatformAdmin => Role == PlatformAdmin;

    /// <summary>Platform admins reach every merchant; a merchant owner only their own.</summary>
    public bool CanAccessMerchant(Guid merchantId) => IsPlatformAdmin || MerchantId == merchantId;
}
