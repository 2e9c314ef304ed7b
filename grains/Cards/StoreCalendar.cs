namespace Loyalty.Grains.Cards;

/// <summary>
/// Days as the store sees them: "per day" limits count from local midnight to local midnight in the store's time
/// zone, so a stamp at 00:30 in Luxembourg belongs to the new day even though it is still the previous day in UTC.
/// </summary>
public static class StoreCalendar
{
    public static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, timeZone).DateTime);
    }

    /// <summary>The instant the local day after <paramref name="day"/> begins (DST-aware).</summary>
    public static DateTimeOffset StartOfNextDay(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips local midnight, the day starts at the first valid local time after it.
        while (timeZone.IsInvalidTime(midnight))
            midnight = midnight.AddMinutes(15);
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
    }
}
