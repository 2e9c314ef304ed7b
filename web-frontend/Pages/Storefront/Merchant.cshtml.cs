using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Loyalty.Web.Stores;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Loyalty.Web.Programs;

namespace Loyalty.Web.Pages.Storefront;

/// <summary>A merchant's storefront: its programs with what they give and a way to join each, and its stores.</summary>
public sealed class MerchantModel(
    StorefrontCatalog catalog,
    IGrainFactory grains,
    ProgramReadModel programs,
    StoreReadModel stores,
    IStringLocalizer<SiteStrings> strings) : StorefrontPageModel(catalog, grains)
{
    public IReadOnlyList<ProgramCardView> Programs { get; private set; } = [];

    public IReadOnlyList<StoreCard> Stores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await LoadMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        Programs = [.. (await programs.ListAsync(Merchant.Id, cancellationToken))
            .Select(program => new ProgramCardView(
                program.Name,
                ProgramOffer.Describe(program, strings),
                $"/m/{Merchant.Slug}/join/{program.Id}",
                $"/m/{Merchant.Slug}/programs/{program.Id}/terms"))];
        Stores = [.. (await stores.ListAsync(Merchant.Id, SiteLanguages.Current, Merchant.DefaultLocale, cancellationToken))
            .Select(store => new StoreCard(store.Name, store.Description is { } text ? new LocalizedChoice(text, store.DescriptionLocale!) : null))];
        return Page();
    }

    public sealed record StoreCard(string Name, LocalizedChoice? Description);
}
