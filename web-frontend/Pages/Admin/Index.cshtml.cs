using Loyalty.Web.AdminSite;

namespace Loyalty.Web.Pages.Admin;

/// <summary>The admin home: greets the signed-in person and lists where they may go.</summary>
public sealed class IndexModel : AdminPageModel
{
    public string Role => Admin.Role;

    public IReadOnlyList<AdminNavLink> Links { get; private set; } = [];

    public void OnGet() => Links = [.. AdminNav.For(Admin).Where(link => link.Path != "/admin")];
}
