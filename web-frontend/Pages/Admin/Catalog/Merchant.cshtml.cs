using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Loyalty.Web.Merchants;
using Loyalty.Web.Programs;
using Loyalty.Web.Site;
using Loyalty.Web.Stores;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary>
/// <c>/admin/merchants/{merchantId}</c>: the merchant's details, its staff PIN lockout (the one setting of a merchant
/// the admin API changes), its stores and its programs. Platform admins and the merchant's owner only.
/// </summary>
public sealed class MerchantModel(
    IGrainFactory grains, StoreReadModel stores, ProgramReadModel programs, CatalogCommands catalog, IStringLocalizer<CatalogStrings> strings) : AdminPageModel
{
    public MerchantDetails Merchant { get; private set; } = null!;

    public PinLockoutSettings Lockout { get; private set; } = PinLockoutSettings.Default;

    public IReadOnlyList<StoreResponse> Stores { get; private set; } = [];

    public IReadOnlyList<ProgramDefinition> Programs { get; private set; } = [];

    [BindProperty]
    public PinLockoutForm LockoutForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(merchantId, cancellationToken))
            return NotFoundPage();
        LockoutForm = new PinLockoutForm { MaxConsecutiveFailures = Lockout.MaxConsecutiveFailures, LockMinutes = (int)Lockout.LockDuration.TotalMinutes };
        return Page();
    }

    public async Task<IActionResult> OnPostLockoutAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(merchantId, cancellationToken))
            return NotFoundPage();
        if (!ModelState.IsValid)
            return Page();
        var request = new PinLockoutRequest(LockoutForm.MaxConsecutiveFailures, LockoutForm.LockMinutes);
        var result = await catalog.SetPinLockoutAsync(merchantId, request, Admin.Actor);
        if (!result.Succeeded)
        {
            CatalogErrors.AddTo(ModelState, nameof(LockoutForm), result.Error.Errors ?? new Dictionary<string, IReadOnlyList<string>> { [""] = [result.Error.Message] });
            return Page();
        }

        Flash(strings["Flash.LockoutSaved", Merchant.Name]);
        return LocalRedirect(CatalogPaths.Merchant(merchantId));
    }

    private async Task<bool> LoadAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        if (!CatalogAccess.CanManage(Admin, merchantId))
            return false;
        var grain = grains.GetGrain<IMerchantGrain>(merchantId);
        if (await grain.GetAsync() is not { } merchant)
            return false;
        Merchant = merchant;
        Lockout = await grain.GetPinLockoutAsync();
        Stores = await stores.ListAsync(merchantId, SiteLanguages.Current, merchant.DefaultLocale, cancellationToken);
        Programs = await programs.ListAsync(merchantId, cancellationToken);
        return true;
    }
}
