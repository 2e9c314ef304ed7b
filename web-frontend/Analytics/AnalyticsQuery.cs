namespace Loyalty.Web.Analytics;

/// <summary>
/// What the dashboard reads: one merchant, optionally one store and one program, the local days
/// <see cref="From"/> to <see cref="To"/> (both included) in <see cref="TimeZone"/>.
/// </summary>
public sealed record AnalyticsQuery(Guid MerchantId, Guid? StoreId, Guid? ProgramId, DateOnly From, DateOnly To, TimeZoneInfo TimeZone)
{
    /// <summary>How far back an operation still makes a card active: the day itself and the 29 before it.</summary>
    public const int ActiveWindowDays = 30;

    /// <summary>The longest range the dashboard reads.</summary>
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first instant of <see cref="From"/> in the time zone.</summary>
    public DateTimeOffset StartUtc => LocalDays.StartUtc(From, TimeZone);

    /// <summary>The first instant after <see cref="To"/> in the time zone (the range is half-open).</summary>
    public DateTimeOffset EndUtc => LocalDays.StartUtc(To.AddDays(1), TimeZone);
}
