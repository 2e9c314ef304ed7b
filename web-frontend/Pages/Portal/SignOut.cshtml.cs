using Loyalty.Web.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Pages.Portal;

/// <summary>
/// Ends the customer session (a form post, with antiforgery), then shows the sign-in page. It requires the session like
/// the pages whose form posts here: their antiforgery token is bound to the signed-in customer.
/// </summary>
[Authorize(Policy = CustomerSession.Policy)]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet(string merchantSlug) => LocalRedirect(PortalPaths.SignIn(merchantSlug));

    public async Task<IActionResult> OnPostAsync(string merchantSlug)
    {
        await HttpContext.SignOutAsync(CustomerSession.Scheme);
        return LocalRedirect(PortalPaths.SignIn(merchantSlug) + "?signedOut=true");
    }
}
