using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Admin;

/// <summary>Authorization policies over the admin token scheme.</summary>
public static class AdminPolicies
{
    public const string PlatformAdmin = "PlatformAdmin";

    public static AuthorizationBuilder AddAdminPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(PlatformAdmin, policy => policy
            .AddAuthenticationSchemes(AdminTokenAuthenticationHandler.SchemeName)
            .RequireClaim(AdminTokenAuthenticationHandler.RoleClaim, AdminPrincipal.PlatformAdmin));
    }
}
