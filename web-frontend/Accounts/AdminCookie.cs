using System.Security.Claims;
using Loyalty.Web.Admin;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Loyalty.Web.Accounts;

/// <summary>
/// The admin site's session: cookie authentication under its own scheme (ADR 0027). The cookie carries the account's
/// security stamp; every request checks it against the account (one indexed read), so a password change, a reset or
/// disabling the account ends every other session at once.
/// </summary>
public static class AdminCookie
{
    public const string Scheme = "AdminCookie";
    public const string CookieName = "loyalty-admin";
    public const string StampClaim = "loyalty:security-stamp";
    public const string MustChangePasswordClaim = "loyalty:must-change-password";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(60);

    public static AuthenticationBuilder AddAdminCookie(this AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        return authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.Path = AdminPaths.Root;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = AdminPaths.SignIn;
            options.ReturnUrlParameter = AdminPaths.ReturnUrlParameter;
            options.Events.OnRedirectToLogin = RedirectToSignIn;
            options.Events.OnRedirectToAccessDenied = Refuse;
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
    }

    /// <summary>The signed-in account's principal: the admin claims every scheme carries, plus who and the stamp.</summary>
    public static ClaimsPrincipal Principal(AdminAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        List<Claim> claims =
        [
            .. account.ToPrincipal().ToClaims(),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Name, account.DisplayName),
            new(StampClaim, account.SecurityStamp),
        ];
        if (account.MustChangePassword)
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>Signs the account in (or again, after its stamp changed): a session cookie, renewed while used.</summary>
    public static Task SignInAsync(HttpContext context, AdminAccount account) =>
        context.SignInAsync(Scheme, Principal(account), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var valid = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId)
            && await context.HttpContext.RequestServices.GetRequiredService<AdminAccountStore>().FindAsync(accountId, context.HttpContext.RequestAborted) is { } account
            && !account.IsDisabled
            && string.Equals(account.SecurityStamp, user.FindFirstValue(StampClaim), StringComparison.Ordinal);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    // Pages: the sign-in page, back here afterwards. Other paths under the cookie's reach (the Orleans dashboard) are
    // not pages: they keep the bare 401 the token scheme answers too.
    private static Task RedirectToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (!SitePaths.IsSite(http))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        context.Response.Redirect(AdminPaths.SignInWithReturn(back));
        return Task.CompletedTask;
    }

    // A page the role may not open answers the not-found page, as another merchant's resource does: nothing is revealed.
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = SitePaths.IsSite(context.HttpContext) ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
