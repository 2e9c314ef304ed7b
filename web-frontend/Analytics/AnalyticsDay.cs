namespace Loyalty.Web.Analytics;

/// <summary>
/// The figures of one period (a local day, or a week of them). Flows are net of voids: a void counts, with the opposite
/// sign, in the figure of the operation it voided, on the day of the void. <see cref="ActiveCards"/> is a level: the
/// cards active on the period's last day.
/// </summary>
public sealed record AnalyticsDay(
    DateOnly Start,
    DateOnly End,
    long Enrolments,
    long StampsGiven,
    long StampRewardsEarned,
    long StampRewardsRedeemed,
    long PointsIssued,
    long PointRewardsRedeemed,
    long PointsRedeemed,
    long ActiveCards)
{
    /// <summary>Stamp rewards and point rewards redeemed.</summary>
    public long Redemptions => StampRewardsRedeemed + PointRewardsRedeemed;
}
