namespace Loyalty.Web.Analytics;

/// <summary>
/// What the merchant owes its customers at an instant: the stamp rewards available and the points held on the cards in
/// scope, each card's balance after its last ledger entry recorded before that instant (expired points have left it).
/// </summary>
public sealed record AnalyticsLiability(long UnredeemedRewards, long UnexpiredPoints, long CardsWithBalance);
