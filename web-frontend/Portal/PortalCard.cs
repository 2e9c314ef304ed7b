using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.Portal;

/// <summary>A card on the portal's cards page: its row, its program's rules, and its points by expiry date.</summary>
public sealed record PortalCard(CustomerCardRow Card, ProgramDefinition Program, IReadOnlyList<PointsExpiry> Expiries)
{
    /// <summary>The stamps a reward takes, when the program has stamps.</summary>
    public int? StampsRequired => Program.HasStamps ? Program.StampsRequired : null;

    /// <summary>The catalogue rewards the card's points pay for now.</summary>
    public IReadOnlyList<RewardDefinition> AffordableRewards =>
        Program.HasPoints ? [.. Program.Rewards.Where(reward => reward.PointsCost <= Card.Points).OrderBy(reward => reward.PointsCost)] : [];
}
