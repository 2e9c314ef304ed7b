using System.Globalization;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.Web.Accounts;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Audit;

/// <summary>
/// The audit log, newest first, 50 a page, filtered by merchant (an owner sees only their own), action, actor and days
/// (UTC). Account actors show as the account's e-mail, admin tokens by their name.
/// </summary>
[Authorize(Policy = AdminPolicies.MerchantOwner)]
public sealed class IndexModel(AuditSearch search, AdminAccountDirectory directory, IStringLocalizer<AuditStrings> text) : AdminPageModel
{
    public const int PageSize = 50;

    private const int MaxActorLength = 254;

    [BindProperty(SupportsGet = true, Name = "merchant")]
    public Guid? Merchant { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The merchants to filter by: platform admins only (an owner's log is their merchant's).</summary>
    public IReadOnlyList<AdminScopeOption> Merchants { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public AdminPager Pager { get; private set; } = new(1, PageSize, 0);

    public bool Filtered => Merchant is not null || Action is not null || Actor is not null || From is not null || To is not null;

    public string ActorText(AuditRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ActorEmail
            ?? (entry.ActorTokenName is { } name ? text["TokenActor", name].Value : entry.Actor == AuditActors.System ? text["SystemActor"].Value : entry.Actor);
    }

    public async Task<IActionResult> OnGetAsync(string? page, CancellationToken cancellationToken)
    {
        if (Admin.IsPlatformAdmin)
            Merchants = [.. (await directory.ScopesAsync(Admin, cancellationToken)).Where(scope => scope.StoreId is null)];
        else
            Merchant = Admin.MerchantId;
        Actions = await search.ActionsAsync(Merchant, cancellationToken);
        Action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim();
        Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim();
        if (Actor is { Length: > MaxActorLength })
            Actor = Actor[..MaxActorLength];
        var from = Day(From, "from");
        var to = Day(To, "to");
        if (from is not null && to is not null && to < from)
            ModelState.AddModelError("to", text["ToBeforeFrom"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var number = AdminPager.ParsePage(page);
        var (items, total) = await search.PageAsync(new AuditFilter(Merchant, Action, Actor, from, to?.AddDays(1)), number, PageSize, cancellationToken);
        (Entries, Pager) = (items, new AdminPager(number, PageSize, total));
        return Page();
    }

    /// <summary>A <c>yyyy-MM-dd</c> day from a date field as midnight UTC; a field error when it is something else.</summary>
    private DateTimeOffset? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        ModelState.AddModelError(field, text["DateInvalid"]);
        return null;
    }
}
