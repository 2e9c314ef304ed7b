using Loyalty.Web.Accounts;
using Loyalty.Web.AdminSite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// The admin site's sign-in: e-mail and password. One message for an unknown e-mail, a wrong password and a disabled
/// account; a locked account says until when. Afterwards the person goes back where they were headed, if that was a page
/// of the admin site (<see cref="AdminPaths.SafeReturnUrl"/>).
/// </summary>
public sealed class SignInModel(AdminAccountStore accounts, IStringLocalizer<AdminStrings> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SignedOut { get; private set; }

    /// <summary>Why the sign-in was refused (wrong credentials, lockout), shown above the form.</summary>
    public string? Refusal { get; private set; }

    public bool HasError(string field) => ModelState[field]?.Errors.Count > 0;

    public string? ErrorOf(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public void OnGet(bool signedOut) => SignedOut = signedOut;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim() ?? "";
        if (!AdminEmails.IsValid(email))
            ModelState.AddModelError(nameof(Email), text["Errors.Email"]);
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), text["SignIn.PasswordRequired"]);
        else if (Password.Length > AdminPasswords.MaximumLength)
            ModelState.AddModelError(nameof(Password), text["SignIn.Wrong"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await accounts.SignInAsync(email, Password!, cancellationToken);
        switch (result.Status)
        {
            case AdminSignInStatus.Succeeded:
                await AdminCookie.SignInAsync(HttpContext, result.Account!);
                var next = AdminPaths.SafeReturnUrl(ReturnUrl);
                return LocalRedirect(result.Account!.MustChangePassword
                    ? $"{AdminPaths.ChangePassword}?{AdminPaths.ReturnUrlParameter}={Uri.EscapeDataString(next)}"
                    : next);
            case AdminSignInStatus.LockedOut:
                Refusal = text["SignIn.Locked", FormatTime(result.LockedUntil!.Value)];
                break;
            default:
                Refusal = text["SignIn.Wrong"];
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The lockout's end in UTC (the person's own time zone is not known), on the 24-hour clock.</summary>
    public static string FormatTime(DateTimeOffset value) => AdminFormats.Time(value);
}
