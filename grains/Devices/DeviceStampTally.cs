using Loyalty.Grains.Cards;
using Loyalty.Grains.Rules;

namespace Loyalty.Grains.Devices;

/// <summary>
/// Stamps one device gave for one program on one local day of its store, for the program's
/// <c>maxStampsPerDevicePerDay</c>; the device grain keeps one tally per program. Stamps that arrive (from the
/// offline queue) for a day before the tally's day are not counted: that day is over.
/// </summary>
public sealed record DeviceStampTally(DateOnly Day, int Count)
{
    public static DeviceStampTally Empty { get; } = new(DateOnly.MinValue, 0);

    /// <summary><c>daily-limit-reached</c> when <paramref name="count"/> more stamps on that day would exceed <paramref name="cap"/>.</summary>
    public RuleViolation? Check(int count, DateTimeOffset at, TimeZoneInfo storeTimeZone, int? cap)
    {
        if (cap is not { } limit)
            return null;
        var day = StoreCalendar.LocalDay(at, storeTimeZone);
        var used = day == Day ? Count : 0;
        if (day < Day || used + count <= limit)
            return null;
        return new RuleViolation(ErrorCodes.DailyLimitReached, $"This device already gave {used} of {limit} stamps allowed on {day:yyyy-MM-dd}.")
        {
            RetryAt = StoreCalendar.StartOfNextDay(day, storeTimeZone),
        };
    }

    public DeviceStampTally Add(int count, DateTimeOffset at, TimeZoneInfo storeTimeZone)
    {
        var day = StoreCalendar.LocalDay(at, storeTimeZone);
        if (day < Day)
            return this;
        return day == Day ? this with { Count = Count + count } : new DeviceStampTally(day, count);
    }
}
