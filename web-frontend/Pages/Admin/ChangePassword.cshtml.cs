using Loyalty.Web.Accounts;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// Changes the signed-in person's password: required before anything else after signing in with a one-time password.
/// The account gets a new security stamp, so every other session ends; this one is signed in again with it.
/// </summary>
public sealed class ChangePasswordModel(AdminAccountStore accounts, IStringLocalizer<AdminStrings> text) : AdminPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange => User.HasClaim(AdminCookie.MustChangePasswordClaim, "true");

    protected override bool AllowedBeforePasswordChange => true;

    // An admin API token has no password to change.
    public IActionResult OnGet() => Admin.IsAccount ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Admin.IsAccount)
            return NotFoundPage();
        if (string.IsNullOrEmpty(CurrentPassword))
            ModelState.AddModelError(nameof(CurrentPassword), text["Errors.Required"]);
        if (!AdminPasswords.IsAcceptable(NewPassword))
            ModelState.AddModelError(nameof(NewPassword), text["ChangePassword.TooShort", AdminPasswords.MinimumLength, AdminPasswords.MaximumLength]);
        else if (NewPassword == CurrentPassword)
            ModelState.AddModelError(nameof(NewPassword), text["ChangePassword.Same"]);
        if (NewPassword != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), text["ChangePassword.Mismatch"]);
        if (ModelState.IsValid
            && await accounts.ChangePasswordAsync(Admin.AccountId!.Value, CurrentPassword!, NewPassword!, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(CurrentPassword), text["ChangePassword.Wrong"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var account = await accounts.FindAsync(Admin.AccountId!.Value, cancellationToken);
        await AdminCookie.SignInAsync(HttpContext, account!);
        Flash(text["ChangePassword.Done"]);
        return LocalRedirect(AdminPaths.SafeReturnUrl(ReturnUrl));
    }
}
