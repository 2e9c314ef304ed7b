using Loyalty.Grains.Cards;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

/// <summary>Balances stay within <see cref="CardLimits"/>: past them an operation is a 422 refusal, never an overflow.</summary>
public sealed class CardStateLimitsTests
{
    [Fact]
    public void Adjust_PointsPastTheMaximumBalance_RefusedWithBalanceLimitThatSaysAdd()
    {
        var program = PointsProgram();
        var full = Apply(NewCard(program).Adjust(program, 0, CardLimits.MaxPoints, "Migration", At(Start)));

        var result = full.Adjust(program, 0, 1_000_000_000, "Goodwill", At(Start.AddMinutes(1)));

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.BalanceLimitReached, result.Violation!.Code);
        Assert.Equal(
            $"Card {CardNumber} has {CardLimits.MaxPoints} points; adding 1000000000 would pass the maximum balance of {CardLimits.MaxPoints}.",
            result.Violation.Message);
    }

    [Fact]
    public void EarnPoints_AtTheMaximumBalance_RefusedWithBalanceLimitAndTheCardStillEarnsAfterSpending()
    {
        var program = PointsProgram();
        var full = Apply(NewCard(program).Adjust(program, 0, CardLimits.MaxPoints, "Migration", At(Start)));

        var refused = full.EarnPoints(program, 1_000, "EUR", At(Start.AddMinutes(1)));
        var spent = Apply(full.RedeemPointsReward(program, "voucher", At(Start.AddMinutes(2))));
        var earned = spent.EarnPoints(program, 1_000, "EUR", At(Start.AddMinutes(3)));

        Assert.Equal(ErrorCodes.BalanceLimitReached, refused.Violation?.Code);
        Assert.True(earned.Succeeded, earned.Violation?.Message);
        Assert.Equal(CardLimits.MaxPoints - 500 + 100, earned.State.PointsBalance);
    }

    [Fact]
    public void EarnPoints_LifetimeAtTheMaximum_StaysAtTheMaximumAndAVoidTakesBackOnlyWhatItAdded()
    {
        var program = PointsProgram();
        var card = Apply(NewCard(program).Adjust(program, 0, CardLimits.MaxPoints - 1_000, "Migration", At(Start))) with
        {
            LifetimePoints = CardLimits.MaxPoints - 30,
        };
        var earnContext = At(Start.AddMinutes(1));

        var earned = Apply(card.EarnPoints(program, 1_000, "EUR", earnContext));
        var voided = Apply(earned.Void(program, earnContext.TransactionId, "Wrong card", At(Start.AddMinutes(2))));

        Assert.Equal(CardLimits.MaxPoints, earned.LifetimePoints);
        Assert.Equal(CardLimits.MaxPoints - 30, voided.LifetimePoints);
    }

    [Fact]
    public void Adjust_RewardsPastTheMaximum_RefusedWithBalanceLimit()
    {
        var program = StampProgram(stampsRequired: 1);
        var card = NewCard(program);
        for (var i = 0; i < CardLimits.MaxRewardsAvailable / 10_000; i++)
            card = Apply(card.Adjust(program, 10_000, 0, "Migration", At(Start.AddSeconds(i))));

        var stamped = card.AddStamps(program, 1, At(Start.AddHours(1)));
        var adjusted = card.Adjust(program, 1, 0, "Goodwill", At(Start.AddHours(2)));

        Assert.Equal(CardLimits.MaxRewardsAvailable, card.RewardsAvailable);
        Assert.Equal(ErrorCodes.BalanceLimitReached, stamped.Violation?.Code);
        Assert.Equal(ErrorCodes.BalanceLimitReached, adjusted.Violation?.Code);
    }
}
