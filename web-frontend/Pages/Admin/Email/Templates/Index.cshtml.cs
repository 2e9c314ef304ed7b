using Loyalty.Email.Templates;
using Loyalty.Web.Admin;
using Loyalty.Web.AdminSite;
using Loyalty.Web.Email;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Web.Pages.Admin.Email.Templates;

/// <summary>Every template of the catalog in every language, each marked edited or default (platform admins).</summary>
[Authorize(Policy = AdminPolicies.PlatformAdmin)]
public sealed class IndexModel(EmailTemplateEditor templates) : AdminPageModel
{
    /// <summary>Template name → its languages as they apply now, in the catalog's order.</summary>
    public IReadOnlyList<IGrouping<string, StoredTemplate>> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = [.. (await templates.ListAsync(cancellationToken)).GroupBy(t => t.Template, StringComparer.Ordinal)];
}
