using System.Security.Claims;
using System.Text.Encodings.Web;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Admin;

/// <summary>
/// The admin token as an ASP.NET Core authentication scheme (<c>Authorization: Bearer &lt;adminToken&gt;</c>), so
/// authorization policies such as <see cref="AdminPolicies.PlatformAdmin"/> can guard endpoints that are not part of the
/// admin API, like the Orleans dashboard. Policies name it beside the admin site's cookie scheme: on the site's pages
/// the cookie scheme answers challenges (sign-in page) and refusals (not-found page), so this one stays silent there.
/// </summary>
public sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";
    public const string RoleClaim = AdminPrincipal.RoleClaim;
    public const string MerchantClaim = AdminPrincipal.MerchantClaim;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await tokens.FindAsync(header[7..].Trim(), Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("The admin token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(principal.ToClaims(), SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        SitePaths.IsSite(Context) ? Task.CompletedTask : base.HandleChallengeAsync(properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SitePaths.IsSite(Context) ? Task.CompletedTask : base.HandleForbiddenAsync(properties);
}
