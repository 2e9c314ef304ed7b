using Loyalty.Web.Accounts;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not an account has the e-mail: the lookup and the
/// outbox write happen before the same page is rendered, and the limits count every address alike.
/// </summary>
public sealed class ForgotPasswordModel(PasswordResetLinks resets, PasswordResetLimiter limiter, IStringLocalizer<AdminStrings> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? EmailError { get; private set; }

    /// <summary>Set once a request was taken: the address the page says a link may have gone to.</summary>
    public string? SentTo { get; private set; }

    public bool TooMany { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim() ?? "";
        if (!AdminEmails.IsValid(email))
        {
            EmailError = text["Errors.Email"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString(), email))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        await resets.RequestAsync(email, SiteLanguages.Current, cancellationToken);
        SentTo = email;
        return Page();
    }
}
