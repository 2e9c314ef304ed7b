using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.AdminSite.Operations;

/// <summary>
/// Times on the operations pages, in the page's language: absolute in one time zone (the store's; UTC on the cluster
/// page), and relative to now ("5 min ago").
/// </summary>
public sealed class OperationsTimes(TimeZoneInfo zone, DateTimeOffset now, IStringLocalizer<OperationsStrings> texts)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>The culture's short date and time in the zone: "07/12/2026 10:32", "07.12.2026 10:32".</summary>
    public string Absolute(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, zone).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The time as the <c>datetime</c> attribute of a <c>time</c> element wants it.</summary>
    public static string Machine(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    public string Relative(DateTimeOffset value)
    {
        var elapsed = now - value;
        if (elapsed < TimeSpan.Zero)
        {
            var minutes = (int)Math.Ceiling(-elapsed.TotalMinutes);
            return minutes <= 0 ? texts["Time.JustNow"] : texts["Time.InMinutes", minutes];
        }

        return elapsed switch
        {
            { TotalMinutes: < 1 } => texts["Time.JustNow"],
            { TotalHours: < 1 } => texts["Time.MinutesAgo", (int)elapsed.TotalMinutes],
            { TotalDays: < 1 } => texts["Time.HoursAgo", (int)elapsed.TotalHours],
            { TotalDays: < 2 } => texts["Time.DayAgo"],
            _ => texts["Time.DaysAgo", (int)elapsed.TotalDays],
        };
    }

    /// <summary>The store's zone, or UTC when the system does not know it.</summary>
    public static TimeZoneInfo ZoneOf(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
