using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Customers;
using Loyalty.Wallet.Passes;
using Loyalty.Wallet.Resync;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Storefront;

/// <summary>
/// The "Add to Google Wallet" button's target: has the card's pass grain insert the class and object over REST, then
/// redirects to Google's save link (a skinny JWT, signed on the silo). 404 when Google Wallet is off or the token is not
/// this merchant's card; 503 (the site's error page) when Google could not take the object now.
/// </summary>
public sealed class GoogleWalletModel(StorefrontCatalog catalog, IGrainFactory grains, CustomerLinks links, GoogleWalletLinks wallet)
    : StorefrontPageModel(catalog, grains)
{
    public async Task<IActionResult> OnGetAsync(string merchantSlug, string token, CancellationToken cancellationToken)
    {
        if (!wallet.Enabled
            || !await LoadMerchantAsync(merchantSlug, cancellationToken)
            || links.ReadCardToken(token) is not { } number
            || !CardNumbers.IsValid(number)
            || await Grains.GetGrain<ICardGrain>(number).GetAsync() is not { } card
            || card.MerchantId != Merchant.Id)
        {
            return NotFound();
        }

        return await Grains.GetGrain<IGoogleWalletPassGrain>(number).GetSaveLinkAsync() is { } saveUrl
            ? Redirect(saveUrl)
            : StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
