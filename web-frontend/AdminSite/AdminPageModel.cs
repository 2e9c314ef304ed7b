using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.AdminSite;

/// <summary>
/// Base class of the admin site's pages (<c>Pages/Admin/</c>): it requires <see cref="AdminPolicies.AnyAdmin"/> (a page
/// may add a stricter policy), and gives the signed-in admin, a success message for the next page, and the not-found
/// answer for anything out of reach. Only the pages that sign a person in (sign-in, forgot and reset password) derive
/// from <see cref="PageModel"/> instead, and are open to anyone.
/// </summary>
[Authorize(Policy = AdminPolicies.AnyAdmin)]
public abstract class AdminPageModel : PageModel
{
    /// <summary>The TempData key of the message the layout shows once.</summary>
    public const string FlashKey = "Loyalty.Admin.Flash";

    private AdminPrincipal? _admin;

    /// <summary>The signed-in person (or admin token) the page acts for; its <see cref="AdminPrincipal.Actor"/> goes to the audit log.</summary>
    protected AdminPrincipal Admin => _admin ??= AdminPrincipal.FromUser(User)
        ?? throw new InvalidOperationException("The admin page is not behind the AnyAdmin policy.");

    /// <summary>Pages a person may open while their one-time password still has to be changed.</summary>
    protected virtual bool AllowedBeforePasswordChange => false;

    /// <summary>A success message the layout shows once, on this page or on the page a redirect leads to.</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;

    /// <summary>
    /// The localized not-found page: the answer for anything of another merchant or store, or that does not exist, so
    /// an id reveals nothing.
    /// </summary>
    protected IActionResult NotFoundPage() => NotFound();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!AllowedBeforePasswordChange && User.HasClaim(AdminCookie.MustChangePasswordClaim, "true"))
        {
            var back = Request.PathBase + Request.Path + Request.QueryString;
            context.Result = LocalRedirect($"{AdminPaths.ChangePassword}?{AdminPaths.ReturnUrlParameter}={Uri.EscapeDataString(back)}");
            return;
        }

        await next();
    }
}
