using Loyalty.Web.Portal;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Portal;

/// <summary>One card's history, newest first, a page at a time. Only the signed-in customer's own cards.</summary>
public sealed class HistoryModel(StorefrontCatalog catalog, PortalCards cards, PortalDirectory directory) : SignedInPortalPage(catalog)
{
    public const int PageSize = 25;

    public CustomerCardRow Card { get; private set; } = null!;

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string merchantSlug, string cardNumber, int? page, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        if (await cards.FindAsync(Merchant.Id, CustomerEmail, cardNumber, cancellationToken) is not { } card)
            return NotFound();
        Card = card;
        PageNumber = Math.Max(page ?? 1, 1);
        var (entries, total) = await directory.HistoryAsync(card.CardNumber, PageNumber, PageSize, cancellationToken);
        Entries = entries;
        PageCount = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        return Page();
    }
}
