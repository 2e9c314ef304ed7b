using Loyalty.Web.Admin;

namespace Loyalty.Web.AdminSite;

/// <summary>The admin site's navigation, fixed for every area (docs/architecture.md, "Admin site"), shown by role.</summary>
public static class AdminNav
{
    private static readonly string[] Everyone = [AdminPrincipal.PlatformAdmin, AdminPrincipal.MerchantOwner, AdminPrincipal.StoreStaff];
    private static readonly string[] Managers = [AdminPrincipal.PlatformAdmin, AdminPrincipal.MerchantOwner];
    private static readonly string[] Platform = [AdminPrincipal.PlatformAdmin];

    public static IReadOnlyList<AdminNavLink> Links { get; } =
    [
        new("Nav.Dashboard", "/admin", Everyone),
        new("Nav.Merchants", "/admin/merchants", Managers),
        new("Nav.Cards", "/admin/cards", Everyone),
        new("Nav.Staff", "/admin/staff", Managers),
        new("Nav.Devices", "/admin/devices", Managers),
        new("Nav.Audit", "/admin/audit", Managers),
        new("Nav.Email", "/admin/email", Managers),
        new("Nav.Wallet", "/admin/wallet", Platform),
        new("Nav.Cluster", "/admin/cluster", Platform),
        new("Nav.Accounts", "/admin/accounts", Managers),
    ];

    public static IEnumerable<AdminNavLink> For(AdminPrincipal admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return Links.Where(link => link.Roles.Contains(admin.Role));
    }

    /// <summary>Whether the link is the current section: the dashboard on <c>/admin</c> only, others on their path and below.</summary>
    public static bool IsCurrent(AdminNavLink link, PathString path)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Path == "/admin"
            ? path.Equals("/admin", StringComparison.OrdinalIgnoreCase) || path.Equals("/admin/", StringComparison.OrdinalIgnoreCase)
            : path.StartsWithSegments(link.Path, StringComparison.OrdinalIgnoreCase);
    }
}
