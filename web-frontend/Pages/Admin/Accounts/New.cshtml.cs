using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Accounts;

/// <summary>
/// Creates an account with a one-time password the creator hands over; the new person must change it at their first
/// sign-in. Platform admins create any role; merchant owners create store staff of their own merchant's stores only.
/// </summary>
[Authorize(Policy = AdminPolicies.MerchantOwner)]
public sealed class NewModel(AdminAccountStore accounts, AdminAccountDirectory directory, IStringLocalizer<AccountsStrings> text, IStringLocalizer<AdminStrings> common)
    : AdminPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? MerchantId { get; set; }

    [BindProperty]
    public Guid? StoreId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The roles this person may give: all for platform admins, store staff for owners.</summary>
    public IReadOnlyList<string> Roles => Admin.IsPlatformAdmin ? AdminPrincipal.Roles : [AdminPrincipal.StoreStaff];

    /// <summary>Merchants to choose from (platform admins only: an owner's accounts are of their merchant).</summary>
    public IReadOnlyList<AdminScopeOption> Merchants { get; private set; } = [];

    public IReadOnlyList<AdminScopeOption> Stores { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Role ??= AdminPrincipal.StoreStaff;
        await LoadScopesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadScopesAsync(cancellationToken);
        var email = Email?.Trim() ?? "";
        var name = DisplayName?.Trim() ?? "";
        if (!AdminEmails.IsValid(email))
            ModelState.AddModelError(nameof(Email), common["Errors.Email"]);
        if (name.Length == 0 || name.Any(char.IsControl))
            ModelState.AddModelError(nameof(DisplayName), common["Errors.Required"]);
        else if (name.Length > NewAdminAccount.MaxDisplayNameLength)
            ModelState.AddModelError(nameof(DisplayName), common["Errors.TooLong", NewAdminAccount.MaxDisplayNameLength]);
        if (Role is null || !Roles.Contains(Role))
            ModelState.AddModelError(nameof(Role), text["RoleInvalid"]);
        if (!AdminPasswords.IsAcceptable(Password))
            ModelState.AddModelError(nameof(Password), common["ChangePassword.TooShort", AdminPasswords.MinimumLength, AdminPasswords.MaximumLength]);
        var scope = Scope();
        if (!ModelState.IsValid || scope is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (outcome, account) = await accounts.CreateAsync(
            new NewAdminAccount(email, name, Role!, scope.Value.MerchantId, scope.Value.StoreId), Password!, mustChangePassword: true, Admin.Actor, cancellationToken);
        if (outcome != AdminAccountCreateOutcome.Created)
        {
            ModelState.AddModelError(outcome == AdminAccountCreateOutcome.EmailTaken ? nameof(Email) : nameof(StoreId),
                text[outcome == AdminAccountCreateOutcome.EmailTaken ? "EmailTaken" : "StoreInvalid"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash(text["Created", account!.Email]);
        return LocalRedirect(AdminPaths.Accounts);
    }

    /// <summary>The merchant and store the role needs, from the choices offered to this person; null with a field error otherwise.</summary>
    private (Guid? MerchantId, Guid? StoreId)? Scope()
    {
        switch (Role)
        {
            case AdminPrincipal.PlatformAdmin:
                return (null, null);
            case AdminPrincipal.MerchantOwner:
                if (Merchants.FirstOrDefault(m => m.MerchantId == MerchantId) is { } merchant)
                    return (merchant.MerchantId, null);
                ModelState.AddModelError(nameof(MerchantId), text["MerchantRequired"]);
                return null;
            case AdminPrincipal.StoreStaff:
                if (Stores.FirstOrDefault(s => s.StoreId == StoreId) is { } store)
                    return (store.MerchantId, store.StoreId);
                ModelState.AddModelError(nameof(StoreId), text["StoreRequired"]);
                return null;
            default:
                return null;
        }
    }

    private async Task LoadScopesAsync(CancellationToken cancellationToken)
    {
        var scopes = await directory.ScopesAsync(Admin, cancellationToken);
        Merchants = Admin.IsPlatformAdmin ? [.. scopes.Where(s => s.StoreId is null)] : [];
        Stores = [.. scopes.Where(s => s.StoreId is not null)];
    }
}
