using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.Grains.Merchants;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Catalog;
using Loyalty.Web.Catalog;
using Loyalty.Web.Merchants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Catalog;

/// <summary>
/// <c>/admin/merchants</c>: every merchant, a page at a time, and the new-merchant form (platform admins). An owner is
/// sent to their merchant's page, store staff to their store's.
/// </summary>
public sealed class MerchantsModel(MerchantReadModel merchants, CatalogCommands catalog, IStringLocalizer<CatalogStrings> strings) : AdminPageModel
{
    public MerchantPage List { get; private set; } = new([], 1, AdminPager.DefaultPageSize, 0);

    public AdminPager Pager => new(List.Page, List.PageSize, List.Total);

    [BindProperty]
    public MerchantForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? page, CancellationToken cancellationToken)
    {
        if (CatalogAccess.HomeFor(Admin) is { } home)
            return LocalRedirect(home);
        if (!Admin.IsPlatformAdmin)
            return NotFoundPage();
        await LoadAsync(page, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? page, CancellationToken cancellationToken)
    {
        if (!Admin.IsPlatformAdmin)
            return NotFoundPage();
        if (ModelState.IsValid)
        {
            // Both commands' rules first, so the form shows every error and a merchant is never left half set up.
            var create = new CreateMerchantCommand(Form.Name, Form.Slug, Form.DefaultLocale, Admin.Actor);
            var lockout = new SetPinLockoutCommand(Form.MaxConsecutiveFailures, Form.LockMinutes, Admin.Actor);
            CatalogErrors.AddTo(ModelState, nameof(Form), MerchantValidator.Validate(create).ToDictionary());
            CatalogErrors.AddTo(ModelState, nameof(Form), PinLockoutValidator.Validate(lockout).ToDictionary());
        }

        if (ModelState.IsValid)
        {
            var created = await catalog.CreateMerchantAsync(new CreateMerchantRequest(Form.Name, Form.Slug, Form.DefaultLocale), Admin.Actor);
            if (created.Succeeded)
            {
                var merchantId = created.Value.Id;
                var lockout = await catalog.SetPinLockoutAsync(merchantId, new PinLockoutRequest(Form.MaxConsecutiveFailures, Form.LockMinutes), Admin.Actor);
                if (!lockout.Succeeded)
                    throw new InvalidOperationException($"The PIN lockout checked before was refused: {lockout.Error.Message}");
                Flash(strings["Flash.MerchantCreated", created.Value.Name]);
                return LocalRedirect(CatalogPaths.Merchant(merchantId));
            }

            AddRefusal(created.Error);
        }

        await LoadAsync(page, cancellationToken);
        return Page();
    }

    private void AddRefusal(CommandError error)
    {
        if (error.Code == CommandErrorCodes.Conflict)
            ModelState.AddModelError($"{nameof(Form)}.{nameof(MerchantForm.Slug)}", strings["Errors.SlugTaken"]);
        else
            CatalogErrors.AddTo(ModelState, nameof(Form), error.Errors ?? new Dictionary<string, IReadOnlyList<string>> { [""] = [error.Message] });
    }

    private async Task LoadAsync(string? page, CancellationToken cancellationToken) =>
        List = await merchants.PageAsync(null, AdminPager.ParsePage(page), AdminPager.DefaultPageSize, cancellationToken);
}
