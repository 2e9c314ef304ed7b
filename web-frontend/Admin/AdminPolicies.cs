using Loyalty.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Admin;

/// <summary>
/// Authorization policies shared by the admin site and the admin endpoints outside the admin API (the Orleans
/// dashboard). Each accepts both ways an admin authenticates: the admin site's cookie and an admin API token.
/// </summary>
public static class AdminPolicies
{
    /// <summary>Platform admins only.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>Platform admins and merchant owners.</summary>
    public const string MerchantOwner = "MerchantOwner";

    /// <summary>Any admin role: platform admins, merchant owners and store staff.</summary>
    public const string AnyAdmin = "AnyAdmin";

    public static AuthorizationBuilder AddAdminPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(PlatformAdmin, policy => Roles(policy, AdminPrincipal.PlatformAdmin))
            .AddPolicy(MerchantOwner, policy => Roles(policy, AdminPrincipal.PlatformAdmin, AdminPrincipal.MerchantOwner))
            .AddPolicy(AnyAdmin, policy => Roles(policy, AdminPrincipal.PlatformAdmin, AdminPrincipal.MerchantOwner, AdminPrincipal.StoreStaff));
    }

    private static void Roles(AuthorizationPolicyBuilder policy, params string[] roles) => policy
        .AddAuthenticationSchemes(AdminCookie.Scheme, AdminTokenAuthenticationHandler.SchemeName)
        .RequireClaim(AdminPrincipal.RoleClaim, roles);
}
