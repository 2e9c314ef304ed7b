using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary>
/// <c>/admin/merchants/{merchantId}/stores/{storeId}</c>: a store's form (platform admins and the merchant's owner), or
/// the store's details, read-only, for the store's own staff.
/// </summary>
public sealed class StoreEditModel(IGrainFactory grains, CatalogCommands catalog, IStringLocalizer<CatalogStrings> strings) : AdminPageModel
{
    public MerchantDetails Merchant { get; private set; } = null!;

    public StoreDetails Store { get; private set; } = null!;

    /// <summary>False for store staff: they read their store's page, and change nothing.</summary>
    public bool CanEdit { get; private set; }

    [BindProperty]
    public StoreForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid merchantId, Guid storeId)
    {
        if (!await LoadAsync(merchantId, storeId))
            return NotFoundPage();
        Form = StoreForm.From(Store);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid merchantId, Guid storeId)
    {
        if (!await LoadAsync(merchantId, storeId) || !CanEdit)
            return NotFoundPage();
        Form.Slug = Store.Slug;
        if (!ModelState.IsValid)
            return Page();
        var result = await catalog.UpdateStoreAsync(merchantId, storeId, Form.ToUpdateRequest(), Admin.Actor);
        if (!result.Succeeded)
        {
            CatalogErrors.AddTo(ModelState, nameof(Form), result.Error.Errors ?? new Dictionary<string, IReadOnlyList<string>> { [""] = [result.Error.Message] });
            return Page();
        }

        Flash(strings["Flash.StoreSaved", result.Value.Name]);
        return LocalRedirect(CatalogPaths.Store(merchantId, storeId));
    }

    private async Task<bool> LoadAsync(Guid merchantId, Guid storeId)
    {
        if (!CatalogAccess.CanViewStore(Admin, merchantId, storeId)
            || await grains.GetGrain<IStoreGrain>(storeId).GetAsync(SiteLanguages.Current) is not { } store
            || store.MerchantId != merchantId
            || await grains.GetGrain<IMerchantGrain>(merchantId).GetAsync() is not { } merchant)
        {
            return false;
        }

        Merchant = merchant;
        Store = store;
        CanEdit = CatalogAccess.CanManage(Admin, merchantId);
        return true;
    }
}
