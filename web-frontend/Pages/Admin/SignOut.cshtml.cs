using Loyalty.Web.Accounts;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// Ends the admin session (a form post from the layout, with antiforgery), then shows the sign-in page. Like every admin
/// page it requires the session: the layout's antiforgery token is bound to the signed-in person.
/// </summary>
public sealed class SignOutModel : AdminPageModel
{
    protected override bool AllowedBeforePasswordChange => true;

    public IActionResult OnGet() => LocalRedirect(AdminPaths.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AdminCookie.Scheme);
        return LocalRedirect(AdminPaths.SignIn + "?signedOut=true");
    }
}
