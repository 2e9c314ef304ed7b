namespace Loyalty.Web.AdminSite;

/// <summary>A link of the admin site's navigation: its text (an <see cref="AdminStrings"/> key), path and the roles that see it.</summary>
public sealed record AdminNavLink(string TextKey, string Path, IReadOnlyList<string> Roles);
