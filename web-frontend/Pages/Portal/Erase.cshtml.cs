using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Portal;

/// <summary>
/// Account erasure with a confirmation step: the page explains what goes and what stays, and the erasure runs only
/// when its box is ticked. Then the session ends and the page says it is done.
/// </summary>
public sealed class EraseModel(StorefrontCatalog catalog, PortalCards cards, IStringLocalizer<PortalStrings> text) : SignedInPortalPage(catalog)
{
    [BindProperty]
    public bool Confirm { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string merchantSlug, CancellationToken cancellationToken) =>
        await FindMerchantAsync(merchantSlug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), text["Erase.ConfirmRequired"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await cards.EraseAsync(Merchant.Id, CustomerEmail, cancellationToken);
        await HttpContext.SignOutAsync(CustomerSession.Scheme);
        Done = true;
        return Page();
    }
}
