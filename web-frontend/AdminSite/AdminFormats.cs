using System.Globalization;

namespace Loyalty.Web.AdminSite;

/// <summary>
/// Times on admin pages: UTC, written the same in every language (<c>2026-03-14 09:30 UTC</c>), since an admin's own
/// time zone is not known and the stores of one list may sit in several.
/// </summary>
public static class AdminFormats
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
