using Loyalty.GrainInterfaces.Pairing;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Operations;
using Loyalty.Web.Devices;
using Loyalty.Web.Pairing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Devices;

/// <summary>
/// <c>/admin/devices</c>: a store's paired tablets, paged, with last seen; "Pair a device" issues a pairing code through
/// <see cref="PairingCodeIssuer"/> and shows it once (QR code and manual code, after a redirect); revoke, behind a
/// confirmation, through <see cref="DeviceCommands"/>, audited as the signed-in admin. Store staff see and revoke their
/// store's devices; pairing is for owners and platform admins (ADR 0031).
/// </summary>
public sealed class IndexModel(
    OperationsStores stores, DeviceDirectory directory, DeviceCommands devices, PairingCodeIssuer pairing, TimeProvider time,
    IStringLocalizer<OperationsStrings> texts)
    : StorePageModel(stores, time, texts)
{
    // The issued code travels to the page after the redirect once, as "CODE|expiry ticks", and is not kept anywhere else.
    private const string IssuedKey = "Loyalty.Admin.PairingCode";

    public IReadOnlyList<DeviceResponse> Devices { get; private set; } = [];

    public AdminPager Pager { get; private set; } = new(1, AdminPager.DefaultPageSize, 0);

    /// <summary>The code just issued, shown once; null otherwise.</summary>
    public PairingCodeIssue? Issued { get; private set; }

    /// <summary>The issued code's QR image (PNG, base64), as the storefront renders a card's.</summary>
    public string? IssuedQrPng => Issued is null ? null : QrCodes.PngBase64(Issued.Code);

    public bool MayPair => !Admin.IsStoreStaff;

    [BindProperty]
    public Guid? DeviceId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken))
            return NotFoundPage();
        if (Store is null)
            return Page();
        if (TempData[IssuedKey] is string issued && issued.Split('|') is [var code, var ticks] && long.TryParse(ticks, out var expiry))
            Issued = new PairingCodeIssue(code, new DateTimeOffset(expiry, TimeSpan.Zero));
        var (items, total) = await directory.PageByStoreAsync(Store.StoreId, ListPage, AdminPager.DefaultPageSize, cancellationToken);
        Devices = items;
        Pager = new AdminPager(ListPage, AdminPager.DefaultPageSize, total);
        return Page();
    }

    public async Task<IActionResult> OnPostPairAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken) || Store is null || !MayPair)
            return NotFoundPage();
        var issued = await pairing.IssueAsync(Store.StoreId, Store.MerchantId);
        TempData[IssuedKey] = $"{issued.Code}|{issued.ExpiresAt.UtcTicks}";
        return RedirectToStore();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadStoreAsync(cancellationToken) || Store is null || DeviceId is not { } deviceId
            || await devices.FindAsync(deviceId) is not { } device || device.StoreId != Store.StoreId)
        {
            return NotFoundPage();
        }

        await devices.RevokeAsync(device, Admin.Actor);
        Flash(Texts["Devices.RevokedFlash", device.Name]);
        return RedirectToStore();
    }
}
