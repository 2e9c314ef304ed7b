using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Storefront;

/// <summary>A program's terms, built from its rules (what it gives, how points expire) and its own terms text.</summary>
public sealed class TermsModel(StorefrontCatalog catalog, IGrainFactory grains, IStringLocalizer<SiteStrings> strings)
    : StorefrontPageModel(catalog, grains)
{
    public ProgramDefinition Program { get; private set; } = null!;

    public IReadOnlyList<string> Offer { get; private set; } = [];

    public string? Expiry { get; private set; }

    public LocalizedChoice? OwnTerms { get; private set; }

    public async Task<IActionResult> OnGetAsync(string merchantSlug, Guid programId, CancellationToken cancellationToken)
    {
        if (!await LoadMerchantAsync(merchantSlug, cancellationToken) || await FindProgramAsync(programId) is not { } program)
            return NotFound();
        Program = program;
        Offer = ProgramOffer.Describe(program, strings);
        Expiry = ProgramOffer.Expiry(program, strings);
        OwnTerms = ProgramOffer.Terms(program, Merchant);
        return Page();
    }
}
