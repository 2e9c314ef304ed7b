using Loyalty.Database;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Cards;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Admin.Cards;

/// <summary>
/// Card search: one box for a card number, an e-mail, a phone number or a name (<see cref="CardSearchQuery"/>), within
/// what the signed-in person may see (<see cref="AdminCardScope"/>); a platform admin may narrow it to one merchant.
/// </summary>
public sealed class IndexModel(LoyaltyDatabase database) : AdminPageModel
{
    public CardSearchQuery Query { get; private set; } = CardSearchQuery.Empty;

    /// <summary>The text as typed, shown back in the box.</summary>
    public string? Text { get; private set; }

    public Guid? MerchantFilter { get; private set; }

    /// <summary>The merchants a platform admin can choose from; empty for everyone else.</summary>
    public IReadOnlyList<MerchantChoice> Merchants { get; private set; } = [];

    public IReadOnlyList<CardSearchRow> Results { get; private set; } = [];

    public long Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool ShowsMerchant => Admin.IsPlatformAdmin && MerchantFilter is null;

    /// <summary>Store staff see their store's cards only; the page says so.</summary>
    public bool IsStoreStaff => Admin.IsStoreStaff;

    public async Task<IActionResult> OnGetAsync(string? q, Guid? merchant, int? page, CancellationToken cancellationToken)
    {
        Text = q;
        Query = CardSearchQuery.Parse(q);
        if (Admin.IsPlatformAdmin)
        {
            Merchants = await MerchantChoice.ListAsync(database, cancellationToken);
            MerchantFilter = Merchants.Any(m => m.Id == merchant) ? merchant : null;
        }

        if (!Query.CanRun)
            return Page();
        PageNumber = Math.Max(page ?? 1, 1);
        (var items, Total) = await CardSearch.FindAsync(database, Query, AdminCardScope.For(Admin, MerchantFilter), PageNumber, cancellationToken);
        Results = items;
        PageCount = (int)Math.Max(1, (Total + CardSearch.PageSize - 1) / CardSearch.PageSize);
        return Page();
    }
}
