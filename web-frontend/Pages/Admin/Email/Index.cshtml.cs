using Loyalty.Email.Log;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>
/// The e-mail log: every attempt with its outcome and the server's reply or reason, filtered by status, recipient and
/// template (and merchant, for platform admins; an owner sees only their merchant's); and resending a message, through
/// the same <see cref="EmailLogService"/> as the admin API.
/// </summary>
[Authorize(Policy = AdminPolicies.MerchantOwner)]
public sealed class IndexModel(EmailLogService log, EmailLogMerchants merchants, IStringLocalizer<EmailStrings> text) : AdminPageModel
{
    public const string Path = "/admin/email";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Recipient { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Merchant { get; set; }

    public bool ShowMerchants => Admin.IsPlatformAdmin;

    public IReadOnlyList<KeyValuePair<Guid, string>> MerchantChoices { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> MerchantNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<EmailLogEntry> Entries { get; private set; } = [];

    public AdminPager Pager { get; private set; } = new(1, AdminPager.DefaultPageSize, 0);

    /// <summary>Whether any filter is set (the empty state then says so).</summary>
    public bool Filtered => Status is not null || Recipient is not null || Template is not null || Merchant is not null;

    /// <summary>Set when a resend found the message being sent right now.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? page, CancellationToken cancellationToken)
    {
        if (!TryScope(out var merchantId))
        {
            return NotFoundPage();
        }

        await LoadAsync(merchantId, AdminPager.ParsePage(page), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(long messageId, CancellationToken cancellationToken)
    {
        // An owner resends only their merchant's messages; another's is not found, as in the API.
        var outcome = await log.ResendAsync(messageId, Admin.IsPlatformAdmin ? null : Admin.MerchantId, cancellationToken);
        switch (outcome)
        {
            case ResendOutcome.Queued:
                Flash(text["Log.Resent", messageId]);
                return LocalRedirect(Url.Page("/Admin/Email/Index", new { Status, Recipient, Template, Merchant })!);
            case ResendOutcome.Sending:
                if (!TryScope(out var merchantId))
                {
                    return NotFoundPage();
                }

                Refusal = text["Log.BeingSent", messageId];
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(merchantId, 1, cancellationToken);
                return Page();
            default:
                return NotFoundPage();
        }
    }

    public string StatusText(string status) => EmailTexts.Status(text, status);

    public string TemplateText(string template) => EmailTexts.Template(text, template);

    public string MerchantName(Guid? merchantId) =>
        merchantId is { } id ? MerchantNames.GetValueOrDefault(id) ?? id.ToString("D") : text["Log.NoMerchant"];

    /// <summary>The merchant whose log this is: an owner's own (another's is not found), a platform admin's filter or all (null).</summary>
    private bool TryScope(out Guid? merchantId)
    {
        merchantId = null;
        Guid? asked = null;
        if (Merchant is not null)
        {
            if (!Guid.TryParse(Merchant, out var parsed))
            {
                return false;
            }

            asked = parsed;
        }

        if (Admin.IsPlatformAdmin)
        {
            merchantId = asked;
            return true;
        }

        if (Admin.MerchantId is not { } own || (asked is { } other && other != own))
        {
            return false;
        }

        merchantId = own;
        return true;
    }

    private async Task LoadAsync(Guid? merchantId, int page, CancellationToken cancellationToken)
    {
        if (ShowMerchants)
        {
            MerchantChoices = await merchants.ListAsync(cancellationToken);
        }

        var errors = EmailLogService.ValidateFilter(Status, Template);
        if (errors.Count > 0)
        {
            EmailFieldErrorMessages.AddTo(ModelState, errors, text, field => field == "status" ? nameof(Status) : nameof(Template));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var found = await log.PageAsync(new EmailLogFilter(merchantId, Status, Recipient, Template, page, AdminPager.DefaultPageSize), cancellationToken);
        Entries = found.Items;
        Pager = new AdminPager(found.Page, found.PageSize, found.Total);
        if (ShowMerchants)
        {
            MerchantNames = await merchants.NamesAsync(Entries.Where(e => e.MerchantId is not null).Select(e => e.MerchantId!.Value), cancellationToken);
        }
    }
}
