using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary><c>/admin/merchants/{merchantId}/programs/new</c>: a new stamps, points or hybrid program.</summary>
public sealed class ProgramCreateModel(IGrainFactory grains, CatalogCommands catalog, ProgramPreviewBuilder previews, IStringLocalizer<CatalogStrings> strings)
    : ProgramEditorModel(grains, previews, strings)
{
    public override bool KindEditable => true;

    public async Task<IActionResult> OnGetAsync(Guid merchantId)
    {
        if (!await LoadMerchantAsync(merchantId))
            return NotFoundPage();
        Form.WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid merchantId) =>
        await LoadMerchantAsync(merchantId) ? ShowPreview(Guid.Empty) : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(Guid merchantId)
    {
        if (!await LoadMerchantAsync(merchantId))
            return NotFoundPage();
        if (!ModelState.IsValid)
            return Redisplay();
        var result = await catalog.CreateProgramAsync(merchantId, Form.ToCreateRequest(), Admin.Actor);
        if (!result.Succeeded)
            return Refused(result.Error);
        Flash(Strings["Flash.ProgramCreated", result.Value.Name]);
        return LocalRedirect(CatalogPaths.Program(merchantId, Guid.Parse(result.Value.Id)));
    }
}
