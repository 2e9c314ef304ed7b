using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary><c>/admin/merchants/{merchantId}/programs/{programId}</c>: an existing program's rules; its kind stays.</summary>
public sealed class ProgramEditModel(IGrainFactory grains, CatalogCommands catalog, ProgramPreviewBuilder previews, IStringLocalizer<CatalogStrings> strings)
    : ProgramEditorModel(grains, previews, strings)
{
    public ProgramDefinition Program { get; private set; } = null!;

    public override bool KindEditable => false;

    public async Task<IActionResult> OnGetAsync(Guid merchantId, Guid programId)
    {
        if (!await LoadAsync(merchantId, programId))
            return NotFoundPage();
        Form = ProgramForm.From(Program).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid merchantId, Guid programId)
    {
        if (!await LoadAsync(merchantId, programId))
            return NotFoundPage();
        Form.Kind = ProgramForm.From(Program).Kind;
        return ShowPreview(programId);
    }

    public async Task<IActionResult> OnPostAsync(Guid merchantId, Guid programId)
    {
        if (!await LoadAsync(merchantId, programId))
            return NotFoundPage();
        if (!ModelState.IsValid)
            return Redisplay();
        Form.Kind = ProgramForm.From(Program).Kind;
        var result = await catalog.UpdateProgramAsync(merchantId, programId, Form.ToUpdateRequest(), Admin.Actor);
        if (!result.Succeeded)
            return Refused(result.Error);
        Flash(Strings["Flash.ProgramSaved", result.Value.Name]);
        return LocalRedirect(CatalogPaths.Program(merchantId, programId));
    }

    private async Task<bool> LoadAsync(Guid merchantId, Guid programId)
    {
        if (!await LoadMerchantAsync(merchantId)
            || await Grains.GetGrain<IProgramGrain>(programId).GetAsync() is not { } program
            || !string.Equals(program.MerchantId, merchantId.ToString("D"), StringComparison.Ordinal))
        {
            return false;
        }

        Program = program;
        return true;
    }
}
