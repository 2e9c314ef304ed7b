using System.Globalization;

namespace Loyalty.Web.Site;

/// <summary>Dates as the page's language writes them.</summary>
public static class SiteFormats
{
    /// <summary>The culture's long date without the weekday: "6 December 2026", "6 décembre 2026", "6. Dezember 2026".</summary>
    public static string LongDate(DateTimeOffset value)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd, ", "", StringComparison.Ordinal).Replace("dddd ", "", StringComparison.Ordinal);
        return value.ToString(pattern, culture);
    }
}
