namespace Loyalty.Grains.Cards;

/// <summary>
/// The largest balances a card holds. Every amount is bounded where it enters (program, purchase, adjustment,
/// sync), and a card at a limit refuses more with <c>balance-limit-reached</c> (422): sums of bounded values stay far
/// inside <see cref="long"/> and <see cref="int"/>, so no operation can overflow.
/// </summary>
public static class CardLimits
{
    /// <summary>Points balance, and the largest lifetime total (lifetime points stop there; the tier is Gold long before).</summary>
    public const long MaxPoints = 1_000_000_000_000;

    /// <summary>Stamp rewards available at once.</summary>
    public const int MaxRewardsAvailable = 1_000_000;
}
