using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Accounts;

/// <summary>
/// The accounts a person may see (platform admins all, owners their merchant's), paged, with disable (confirmed),
/// enable and "send reset link" for the accounts they may manage. Every change is audited with the person as actor.
/// </summary>
[Authorize(Policy = AdminPolicies.MerchantOwner)]
public sealed class IndexModel(AdminAccountDirectory directory, PasswordResetLinks resets, TimeProvider time, IStringLocalizer<AccountsStrings> text)
    : AdminPageModel
{
    public IReadOnlyList<AdminAccountRow> Accounts { get; private set; } = [];

    public AdminPager Pager { get; private set; } = new(1, AdminPager.DefaultPageSize, 0);

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public bool MayManage(AdminAccountRow account) => AdminAccountDirectory.MayManage(Admin, account);

    public async Task OnGetAsync(string? page, CancellationToken cancellationToken)
    {
        var number = AdminPager.ParsePage(page);
        var (items, total) = await directory.PageAsync(Admin, number, AdminPager.DefaultPageSize, cancellationToken);
        (Accounts, Pager) = (items, new AdminPager(number, AdminPager.DefaultPageSize, total));
    }

    public Task<IActionResult> OnPostDisableAsync(Guid accountId, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, async account =>
        {
            if (await directory.SetDisabledAsync(account.Id, disabled: true, Admin.Actor, cancellationToken))
                Flash(text["Disabled.Done", account.Email]);
        }, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(Guid accountId, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, async account =>
        {
            if (await directory.SetDisabledAsync(account.Id, disabled: false, Admin.Actor, cancellationToken))
                Flash(text["Enabled.Done", account.Email]);
        }, cancellationToken);

    public Task<IActionResult> OnPostSendResetAsync(Guid accountId, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, async account =>
        {
            if (await resets.SendAsync(account.Id, SiteLanguages.Current, Admin.Actor, cancellationToken))
                Flash(text["ResetSent", account.Email]);
        }, cancellationToken);

    // Another merchant's account, one the person may not manage, and an unknown id all answer the not-found page.
    private async Task<IActionResult> ChangeAsync(Guid accountId, Func<AdminAccountRow, Task> change, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(Admin, accountId, cancellationToken) is not { } account || !MayManage(account))
            return NotFoundPage();
        await change(account);
        return LocalRedirect(AdminPaths.Accounts);
    }
}
