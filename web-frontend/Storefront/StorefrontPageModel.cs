using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loyalty.Web.Storefront;

/// <summary>A page of one merchant's storefront (<c>/m/{merchantSlug}/...</c>): finds the merchant and its programs.</summary>
public abstract class StorefrontPageModel(StorefrontCatalog catalog, IGrainFactory grains) : PageModel
{
    public StorefrontMerchant Merchant { get; private set; } = null!;

    protected IGrainFactory Grains => grains;

    /// <summary>Finds the merchant (false: answer 404) and hands it to the layout, whose header shows its name.</summary>
    protected async Task<bool> LoadMerchantAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (await catalog.FindMerchantAsync(merchantSlug, cancellationToken) is not { } merchant)
            return false;
        Merchant = merchant;
        ViewData[SiteView.MerchantKey] = merchant;
        return true;
    }

    /// <summary>The merchant's program with this id, or null (also for another merchant's program).</summary>
    protected async Task<ProgramDefinition?> FindProgramAsync(Guid programId)
    {
        var program = await grains.GetGrain<IProgramGrain>(programId).GetAsync();
        return program is not null && Guid.TryParse(program.MerchantId, out var owner) && owner == Merchant.Id ? program : null;
    }
}
