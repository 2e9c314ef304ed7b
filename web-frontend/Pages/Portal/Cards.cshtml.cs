using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Portal;

/// <summary>The signed-in customer's cards at the merchant: balances, progress, rewards, tier and expiring points.</summary>
public sealed class CardsModel(StorefrontCatalog catalog, PortalCards cards) : SignedInPortalPage(catalog)
{
    public IReadOnlyList<PortalCard> Cards { get; private set; } = [];

    public string Email => CustomerEmail;

    public async Task<IActionResult> OnGetAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        Cards = await cards.ListAsync(Merchant.Id, CustomerEmail, cancellationToken);
        return Page();
    }
}
