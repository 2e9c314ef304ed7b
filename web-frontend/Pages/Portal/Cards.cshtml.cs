using Loyalty.Wallet.Passes;
using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Portal;

/// <summary>The signed-in customer's cards at the merchant: balances, progress, rewards, tier and expiring points.</summary>
public sealed class CardsModel(StorefrontCatalog catalog, PortalCards cards, GoogleWalletLinks wallet) : SignedInPortalPage(catalog)
{
    public IReadOnlyList<PortalCard> Cards { get; private set; } = [];

    public string Email => CustomerEmail;

    /// <summary>The card's "Add to Google Wallet" button address, or null when Google Wallet is not configured.</summary>
    public string? GoogleWalletHref(string cardNumber) => wallet.Enabled ? wallet.SavePath(Merchant.Slug, cardNumber) : null;

    public async Task<IActionResult> OnGetAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        Cards = await cards.ListAsync(Merchant.Id, CustomerEmail, cancellationToken);
        return Page();
    }
}
