using System.ComponentModel.DataAnnotations;
using Loyalty.Web.Portal;
using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Portal;

/// <summary>
/// Asks for a sign-in link. The answer is the same whether or not a card has the e-mail (nothing else tells them
/// apart: the lookup and the outbox write happen either way before the same page is rendered).
/// </summary>
public sealed class SignInModel(StorefrontCatalog catalog, SignInLinks links, SignInLimiter limiter, IStringLocalizer<PortalStrings> text)
    : PortalPage(catalog)
{
    private const int MaxEmailLength = 254;

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Set once a request was taken: the address the page says a link may have gone to.</summary>
    public string? SentTo { get; private set; }

    public bool TooMany { get; private set; }

    public bool SignedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(string merchantSlug, bool signedOut, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        SignedOut = signedOut;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string merchantSlug, CancellationToken cancellationToken)
    {
        if (!await FindMerchantAsync(merchantSlug, cancellationToken))
            return NotFound();
        var email = Email?.Trim() ?? string.Empty;
        if (!IsEmail(email))
        {
            ModelState.AddModelError(nameof(Email), text["SignIn.EmailInvalid"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!limiter.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString(), Merchant.Id, email))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        await links.RequestAsync(Merchant, email, SiteLanguages.Current, cancellationToken);
        SentTo = email;
        return Page();
    }

    private static bool IsEmail(string email) =>
        email.Length <= MaxEmailLength && !email.Any(char.IsControl) && new EmailAddressAttribute().IsValid(email) && email.IndexOf('@', StringComparison.Ordinal) > 0;
}
