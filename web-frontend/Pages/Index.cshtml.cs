using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Pages;

/// <summary>The welcome page: what this is, and every merchant's storefront.</summary>
public sealed class IndexModel(StorefrontCatalog catalog) : PageModel
{
    public IReadOnlyList<StorefrontMerchant> Merchants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Merchants = await catalog.ListMerchantsAsync(cancellationToken);
}
