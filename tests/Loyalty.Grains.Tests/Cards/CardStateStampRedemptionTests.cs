using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateStampRedemptionTests
{
    [Fact]
    public void RedeemStampReward_RewardAvailable_DecrementsRewards()
    {
        var program = StampProgram(stampsRequired: 10);
        var card = Apply(NewCard(program).AddStamps(program, 10, At(Start)));

        var result = card.RedeemStampReward(program, At(Start.AddMinutes(1)));

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.State.RewardsAvailable);
        Assert.Equal(-1, result.Fact.RewardsDelta);
        Assert.Equal("Redeemed stamp reward 'Free coffee'", result.Fact.Reason);
    }

    [Fact]
    public void RedeemStampReward_NoReward_RefusedAsInsufficientStamps()
    {
        var program = StampProgram();
        var card = Apply(NewCard(program).AddStamps(program, 9, At(Start)));

        var result = card.RedeemStampReward(program, At(Start.AddMinutes(1)));

        Assert.Equal(ErrorCodes.InsufficientStamps, result.Violation?.Code);
    }
}
