using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Pages.Portal;

/// <summary>
/// The page a sign-in link opens. Opening it spends nothing (mail scanners fetch links); its button spends the token
/// and opens the customer session. An expired, used or unknown link answers 410 with a way to get a new one.
/// </summary>
public sealed class LinkModel(StorefrontCatalog catalog, SignInLinks links) : PortalPage(catalog)
{
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string merchantSlug, string token, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        return await links.IsUsableAsync(Merchant.Id, token, cancellationToken) ? Page() : Refuse();
    }

    public async Task<IActionResult> OnPostAsync(string merchantSlug, string token, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        if (await links.ConsumeAsync(Merchant.Id, token, cancellationToken) is not { } email)
            return Refuse();
        await HttpContext.SignInAsync(CustomerSession.Scheme, CustomerSession.Principal(Merchant, email));
        return LocalRedirect(PortalPaths.Cards(Merchant.Slug));
    }

    private PageResult Refuse()
    {
        Refused = true;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
