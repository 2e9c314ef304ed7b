using Loyalty.Web.Portal;
using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Pages.Portal;

/// <summary>A page of a merchant's customer portal (<c>/m/{merchantSlug}/portal/...</c>): it knows its merchant.</summary>
public abstract class PortalPage(StorefrontCatalog catalog) : PageModel
{
    public StorefrontMerchant Merchant { get; private set; } = null!;

    /// <summary>The portal's sign-in page, where every portal path starts.</summary>
    public string PortalPath => PortalPaths.SignIn(Merchant.Slug);

    /// <summary>The signed-in customer's e-mail (pages that require the customer policy only).</summary>
    protected string CustomerEmail => CustomerSession.EmailOf(User);

    /// <summary>Finds the address's merchant for the page and its layout; false (the page answers 404) when none has the slug.</summary>
    protected async Task<bool> FindMerchantAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (await catalog.FindMerchantAsync(merchantSlug, cancellationToken) is not { } merchant)
        {
            return false;
        }

        Merchant = merchant;
        ViewData[SiteView.MerchantKey] = merchant;
        return true;
    }
}
