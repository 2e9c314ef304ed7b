using Loyalty.GrainInterfaces.Text;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Operations;
using Loyalty.Web.Staff;
using Loyalty.Web.Terminal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Pages.Admin.Staff;

/// <summary>
/// <c>/admin/staff</c>: a store's staff PINs, paged, with their failed attempts and lock; create, reset (change) and
/// unlock through <see cref="StaffPinCommands"/>, the admin API's commands, audited as the signed-in admin. Store staff
/// see their store's PINs and unlock them; creating and resetting is for owners and platform admins (ADR 0031).
/// </summary>
public sealed class IndexModel(
    OperationsStores stores, StaffDirectory directory, StaffPinCommands pins, IOptions<TerminalOptions> terminal, TimeProvider time,
    IStringLocalizer<OperationsStrings> texts)
    : StorePageModel(stores, time, texts)
{
    public IReadOnlyList<StaffPinView> Pins { get; private set; } = [];

    public AdminPager Pager { get; private set; } = new(1, AdminPager.DefaultPageSize, 0);

    public int OfflineMinimumDigits => terminal.Value.OfflinePinMinimumDigits;

    /// <summary>Whether this admin may create and reset PINs (owners and platform admins); store staff only unlock.</summary>
    public bool MayChangePins => !Admin.IsStoreStaff;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Pin { get; set; }

    [BindProperty]
    public string? NewPin { get; set; }

    [BindProperty]
    public Guid? PinId { get; set; }

    /// <summary>The PIN whose reset form failed validation: the page opens that row's form with its error.</summary>
    public Guid? ResetFailedFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken))
            return NotFoundPage();
        await LoadPinsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken) || Store is null || !MayChangePins)
            return NotFoundPage();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
            ModelState.AddModelError(nameof(Name), Texts["Staff.NameRequired"]);
        else if (name.Length > CreateStaffRequest.MaxNameLength)
            ModelState.AddModelError(nameof(Name), Texts["Staff.NameTooLong", CreateStaffRequest.MaxNameLength]);
        else if (CleanText.Problem(name, multiline: false) is not null)
            ModelState.AddModelError(nameof(Name), Texts["Staff.NameInvalid"]);
        if (!StaffPinFormat.IsWellFormed(Pin))
            ModelState.AddModelError(nameof(Pin), Texts["Staff.PinFormat"]);
        if (HasErrors(nameof(Name), nameof(Pin)))
            return await RedisplayAsync(cancellationToken);

        var created = await pins.CreateAsync(Store.StoreId, Store.MerchantId, name!, Pin!, Admin.Actor);
        Flash(Texts["Staff.Created", created.Name]);
        return RedirectToStore();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken) || Store is null || !MayChangePins || PinId is not { } pinId)
            return NotFoundPage();
        if (!StaffPinFormat.IsWellFormed(NewPin))
        {
            // The PIN must still be the store's, or the form would reveal another store's PIN exists.
            if (await pins.GetAsync(pinId) is not { } existing || existing.StoreId != Store.StoreId)
                return NotFoundPage();
            ModelState.AddModelError(nameof(NewPin), Texts["Staff.PinFormat"]);
            ResetFailedFor = pinId;
            return await RedisplayAsync(cancellationToken);
        }

        if (await pins.ChangeAsync(Store.StoreId, pinId, NewPin, Admin.Actor) is not { } changed)
            return NotFoundPage();
        Flash(Texts["Staff.Changed", changed.Name]);
        return RedirectToStore();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken) || Store is null || PinId is not { } pinId
            || await pins.UnlockAsync(Store.StoreId, pinId, Admin.Actor) is not { } unlocked)
        {
            return NotFoundPage();
        }

        Flash(Texts["Staff.Unlocked", unlocked.Name]);
        return RedirectToStore();
    }

    private bool HasErrors(params string[] fields) => fields.Any(field => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0);

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        // The PINs typed are never sent back into the page.
        Pin = null;
        NewPin = null;
        await LoadPinsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadPinsAsync(CancellationToken cancellationToken)
    {
        if (Store is null)
            return;
        var page = ListPage;
        var (rows, total) = await directory.PageAsync(Store.StoreId, page, AdminPager.DefaultPageSize, cancellationToken);
        Pager = new AdminPager(page, AdminPager.DefaultPageSize, total);

        // The count of failed attempts lives in each PIN's grain (the read model keeps only the lock): one in-memory
        // call per listed PIN, at most a page of them, in parallel.
        var details = await Task.WhenAll(rows.Select(row => pins.GetAsync(row.PinId)));
        Pins = [.. rows.Zip(details, (row, pin) => new StaffPinView(row, pin?.FailedAttempts ?? 0, pin is null ? row.LockedUntil : pin.LockedUntil))];
    }
}
