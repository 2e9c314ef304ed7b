using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary><c>/admin/merchants/{merchantId}/stores/new</c>: a new store of the merchant (platform admins and its owner).</summary>
public sealed class StoreCreateModel(IGrainFactory grains, CatalogCommands catalog, IStringLocalizer<CatalogStrings> strings) : AdminPageModel
{
    public MerchantDetails Merchant { get; private set; } = null!;

    [BindProperty]
    public StoreForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid merchantId) =>
        await LoadAsync(merchantId) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(Guid merchantId)
    {
        if (!await LoadAsync(merchantId))
            return NotFoundPage();
        if (!ModelState.IsValid)
            return Page();
        var result = await catalog.CreateStoreAsync(merchantId, Form.ToCreateRequest(), Admin.Actor);
        if (result.Succeeded)
        {
            Flash(strings["Flash.StoreCreated", result.Value.Name]);
            return LocalRedirect(CatalogPaths.Store(merchantId, result.Value.Id));
        }

        if (result.Error.Code == CommandErrorCodes.Conflict)
            ModelState.AddModelError($"{nameof(Form)}.{nameof(StoreForm.Slug)}", strings["Errors.StoreSlugTaken"]);
        else
            CatalogErrors.AddTo(ModelState, nameof(Form), result.Error.Errors ?? new Dictionary<string, IReadOnlyList<string>> { [""] = [result.Error.Message] });
        return Page();
    }

    private async Task<bool> LoadAsync(Guid merchantId)
    {
        if (!CatalogAccess.CanManage(Admin, merchantId) || await grains.GetGrain<IMerchantGrain>(merchantId).GetAsync() is not { } merchant)
            return false;
        Merchant = merchant;
        return true;
    }
}
