using System.Globalization;
using Loyalty.Web.Site;

namespace Loyalty.Web.Portal;

/// <summary>How the portal writes numbers and times: in the page's language, times in the merchant's region.</summary>
public static class PortalFormat
{
    // Stores of this platform are in Luxembourg and its neighbours; a store's own zone is in the ledger only as its id.
    private static readonly TimeZoneInfo Region = TimeZoneInfo.FindSystemTimeZoneById("Europe/Luxembourg");

    /// <summary>A card number in groups of four, as printed on cards.</summary>
    public static string CardNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Join(' ', number.Chunk(4).Select(group => new string(group)));
    }

    public static string Date(DateTimeOffset at) => SiteFormats.LongDate(TimeZoneInfo.ConvertTime(at, Region));

    public static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Region).ToString("g", CultureInfo.CurrentCulture);
}
