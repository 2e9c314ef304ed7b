namespace Loyalty.Web.Analytics;

/// <summary>
/// The dashboard's figures for one <see cref="AnalyticsQuery"/>: one entry per local day of the range (days without
/// operations hold zeros), the range's totals, and the liability at the range's end (null when a store is chosen:
/// balances belong to cards, which belong to the merchant, not to a store).
/// </summary>
public sealed record AnalyticsReport(AnalyticsQuery Query, IReadOnlyList<AnalyticsDay> Days, AnalyticsLiability? Liability)
{
    /// <summary>Ranges longer than this are charted per week.</summary>
    public const int MaxDailyPeriods = 92;

    public bool HasOperations => Days.Any(day => day.Enrolments != 0 || day.StampsGiven != 0 || day.StampRewardsEarned != 0
        || day.StampRewardsRedeemed != 0 || day.PointsIssued != 0 || day.PointRewardsRedeemed != 0 || day.PointsRedeemed != 0
        || day.ActiveCards != 0);

    /// <summary>The sums over the range; <see cref="AnalyticsDay.ActiveCards"/> is the count on the last day.</summary>
    public AnalyticsDay Totals => Sum(Days);

    /// <summary>Stamp rewards redeemed ÷ stamp rewards earned in the range; null when none were earned.</summary>
    public decimal? StampRedemptionRate => Rate(Totals.StampRewardsRedeemed, Totals.StampRewardsEarned);

    /// <summary>Points redeemed ÷ points issued in the range; null when none were issued.</summary>
    public decimal? PointsRedemptionRate => Rate(Totals.PointsRedeemed, Totals.PointsIssued);

    /// <summary>
    /// The periods the charts show: the days, or for ranges longer than <see cref="MaxDailyPeriods"/> days, weeks of
    /// seven days counted from the range's first day (the last one may be shorter).
    /// </summary>
    public IReadOnlyList<AnalyticsDay> Periods =>
        Days.Count <= MaxDailyPeriods ? Days : [.. Days.Chunk(7).Select(Sum)];

    public bool IsWeekly => Days.Count > MaxDailyPeriods;

    private static decimal? Rate(long part, long whole) => whole <= 0 ? null : (decimal)part / whole;

    private static AnalyticsDay Sum(IReadOnlyList<AnalyticsDay> days) => days.Count == 0
        ? new AnalyticsDay(default, default, 0, 0, 0, 0, 0, 0, 0, 0)
        : new AnalyticsDay(
            days[0].Start,
            days[^1].End,
            days.Sum(day => day.Enrolments),
            days.Sum(day => day.StampsGiven),
            days.Sum(day => day.StampRewardsEarned),
            days.Sum(day => day.StampRewardsRedeemed),
            days.Sum(day => day.PointsIssued),
            days.Sum(day => day.PointRewardsRedeemed),
            days.Sum(day => day.PointsRedeemed),
            days[^1].ActiveCards);
}
