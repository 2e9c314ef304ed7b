using Loyalty.Web.Accounts;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// The page a reset link opens: opening it spends nothing (mail scanners fetch links); the post spends the token and
/// sets the password in one statement, then the person signs in with it. An unknown, expired or spent link answers 410
/// with a way to ask for a new one.
/// </summary>
public sealed class ResetPasswordModel(PasswordResetLinks resets, IStringLocalizer<AdminStrings> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Usable { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await resets.IsUsableAsync(Token, cancellationToken))
            return Gone();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!AdminPasswords.IsAcceptable(NewPassword))
            ModelState.AddModelError(nameof(NewPassword), text["ChangePassword.TooShort", AdminPasswords.MinimumLength, AdminPasswords.MaximumLength]);
        if (NewPassword != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), text["ChangePassword.Mismatch"]);
        if (!ModelState.IsValid)
        {
            if (!await resets.IsUsableAsync(Token, cancellationToken))
                return Gone();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await resets.ResetAsync(Token, NewPassword!, cancellationToken)
            ? LocalRedirect(AdminPaths.SignIn + "?reset=true")
            : Gone();
    }

    private PageResult Gone()
    {
        Usable = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
