using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.Storefront;

/// <summary>
/// What the card page's balance panel shows (partial <c>_CardBalance</c>): the card page renders it for a real card,
/// the admin program editor's preview for a new card of the program being edited.
/// </summary>
public sealed record CardBalanceView(
    ProgramDefinition Program, int Stamps, long Points, int StampRewardsAvailable, DateTimeOffset EnrolledAt, string MerchantSlug, string MerchantName)
{
    /// <summary>The cheapest points reward the card cannot afford yet, or null.</summary>
    public RewardDefinition? NextReward => Program.HasPoints
        ? Program.Rewards.Where(reward => reward.PointsCost > Points).MinBy(reward => reward.PointsCost)
        : null;

    public IReadOnlyList<RewardDefinition> RedeemableRewards => Program.HasPoints
        ? [.. Program.Rewards.Where(reward => reward.PointsCost <= Points).OrderBy(reward => reward.PointsCost)]
        : [];

    /// <summary>Stamp rewards ready to take, plus points rewards the balance pays for.</summary>
    public int RewardsAvailable => StampRewardsAvailable + RedeemableRewards.Count;
}
