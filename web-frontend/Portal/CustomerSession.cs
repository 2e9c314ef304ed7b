using Loyalty.Web.Storefront;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Portal;

/// <summary>
/// The customer's session: cookie authentication under its own scheme, scoped to the merchant it was opened at
/// (ADR 0025). The policy admits a session only at the merchant in its claims; anywhere else it counts as none.
/// </summary>
public static class CustomerSession
{
    public const string Scheme = "Customer";
    public const string Policy = "PortalCustomer";
    public const string CookieName = "loyalty.customer";
    public const string MerchantIdClaim = "loyalty:merchant-id";
    public const string MerchantSlugClaim = "loyalty:merchant-slug";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static AuthenticationBuilder AddCustomerSession(this AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        return authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;

            // No session, or a session of another merchant: that merchant's sign-in page.
            options.Events.OnRedirectToLogin = RedirectToSignIn;
            options.Events.OnRedirectToAccessDenied = RedirectToSignIn;
        });
    }

    public static AuthorizationBuilder AddCustomerPolicy(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http
                && http.GetRouteValue("merchantSlug") is string slug
                && string.Equals(context.User.FindFirstValue(MerchantSlugClaim), slug, StringComparison.Ordinal)));
    }

    public static ClaimsPrincipal Principal(StorefrontMerchant merchant, string email)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Email, email),
                new Claim(MerchantIdClaim, merchant.Id.ToString("D")),
                new Claim(MerchantSlugClaim, merchant.Slug),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in customer's e-mail (the policy has checked the merchant).</summary>
    public static string EmailOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("The customer session has no e-mail.");
    }

    private static Task RedirectToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var slug = context.HttpContext.GetRouteValue("merchantSlug") as string ?? string.Empty;
        context.Response.Redirect(PortalPaths.SignIn(slug));
        return Task.CompletedTask;
    }
}
