using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary><c>balance-limit-reached</c> when <paramref name="points"/> more would pass <see cref="CardLimits.MaxPoints"/>.</summary>
    private RuleViolation? CheckPointsRoom(long points) =>
        points > CardLimits.MaxPoints - PointsBalance
            ? new RuleViolation(ErrorCodes.BalanceLimitReached,
                $"Card {CardNumber} has {PointsBalance} points; adding {points} would pass the maximum balance of {CardLimits.MaxPoints}.")
            : null;

    /// <summary><c>balance-limit-reached</c> when <paramref name="stamps"/> more would make more than <see cref="CardLimits.MaxRewardsAvailable"/> rewards.</summary>
    private RuleViolation? CheckRewardsRoom(ProgramDefinition program, int stamps) =>
        RewardsAvailable + ((long)Stamps + stamps) / StampTarget(program) > CardLimits.MaxRewardsAvailable
            ? new RuleViolation(ErrorCodes.BalanceLimitReached,
                $"Card {CardNumber} has {RewardsAvailable} rewards available; adding {stamps} stamp(s) would pass the maximum of {CardLimits.MaxRewardsAvailable}.")
            : null;

    /// <summary>Lifetime points stop at <see cref="CardLimits.MaxPoints"/>: the part of <paramref name="points"/> that still counts.</summary>
    private long LifetimeRoom(long points) => Math.Clamp(CardLimits.MaxPoints - LifetimePoints, 0, points);
}
