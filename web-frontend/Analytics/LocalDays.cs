namespace Loyalty.Web.Analytics;

/// <summary>Where a local calendar day of a time zone starts, in UTC.</summary>
public static class LocalDays
{
    public static DateTimeOffset StartUtc(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a clock change skips midnight (a few zones move at 00:00), the day starts at the first instant that exists.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, timeZone), TimeSpan.Zero);
    }

    /// <summary>The local day of <paramref name="instant"/> in the time zone.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
}
