using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary>
/// The program editor's two pages (new and existing program): the form, the "Preview" post that redraws the page with
/// what customers would see and saves nothing, and the save, whose refusals come back as field errors.
/// </summary>
public abstract class ProgramEditorModel(IGrainFactory grains, ProgramPreviewBuilder previews, IStringLocalizer<CatalogStrings> strings) : AdminPageModel
{
    protected IGrainFactory Grains => grains;

    protected IStringLocalizer<CatalogStrings> Strings => strings;

    public MerchantDetails Merchant { get; private set; } = null!;

    [BindProperty]
    public ProgramForm Form { get; set; } = new();

    /// <summary>The language the preview is drawn in (en, fr, de or lb); the page's language at first.</summary>
    [BindProperty]
    public string? PreviewLanguage { get; set; }

    /// <summary>What a customer would see; set by the preview post when the form is valid.</summary>
    public ProgramPreview? Preview { get; private set; }

    /// <summary>False on an existing program: its kind cannot change.</summary>
    public abstract bool KindEditable { get; }

    protected async Task<bool> LoadMerchantAsync(Guid merchantId)
    {
        if (!CatalogAccess.CanManage(Admin, merchantId) || await grains.GetGrain<IMerchantGrain>(merchantId).GetAsync() is not { } merchant)
            return false;
        Merchant = merchant;
        if (!Locales.IsSupported(PreviewLanguage))
            PreviewLanguage = SiteLanguages.Current;
        return true;
    }

    /// <summary>The preview post's work once the program is loaded: check, draw, save nothing.</summary>
    protected IActionResult ShowPreview(Guid programId)
    {
        if (ModelState.IsValid)
        {
            Preview = previews.Build(Merchant.Id, programId, Merchant, Form, PreviewLanguage ?? SiteLanguages.Current, out var errors);
            CatalogErrors.AddTo(ModelState, nameof(Form), errors, Form.ToFormPath);
        }

        Form.WithSpareRows();
        return Page();
    }

    /// <summary>The form again, with the errors model binding found (a number that is not one).</summary>
    protected IActionResult Redisplay()
    {
        Form.WithSpareRows();
        return Page();
    }

    /// <summary>Shows a refused save's errors beside their fields.</summary>
    protected IActionResult Refused(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        CatalogErrors.AddTo(ModelState, nameof(Form), error.Errors ?? new Dictionary<string, IReadOnlyList<string>> { [""] = [error.Message] }, Form.ToFormPath);
        Form.WithSpareRows();
        return Page();
    }
}
