using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Admin;

/// <summary>
/// The admin token as an ASP.NET Core authentication scheme (<c>Authorization: Bearer &lt;adminToken&gt;</c>), so
/// authorization policies such as <see cref="AdminPolicies.PlatformAdmin"/> can guard endpoints that are not part of the
/// admin API, like the Orleans dashboard.
/// </summary>
public sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";
    public const string RoleClaim = "loyalty:role";
    public const string MerchantClaim = "loyalty:merchant";

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

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, principal.TokenId.ToString("D")), new(RoleClaim, principal.Role)];
        if (principal.MerchantId is { } merchantId)
        {
            claims.Add(new Claim(MerchantClaim, merchantId.ToString("D")));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
