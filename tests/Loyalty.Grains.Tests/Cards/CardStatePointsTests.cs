using Loyalty.Grains.Cards;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStatePointsTests
{
    [Fact]
    public void EarnPoints_Eur1299At10PerUnit_Earns129()
    {
        var program = PointsProgram("EUR", 10);

        var result = NewCard(program).EarnPoints(program, 1299, "EUR", At(Start));

        Assert.True(result.Succeeded);
        Assert.Equal(129, result.Fact.PointsDelta);
        Assert.Equal(129, result.State.PointsBalance);
        Assert.Equal(129, result.State.LifetimePoints);
        Assert.Equal("129 points for a purchase of EUR 12.99", result.Fact.Reason);
    }

    [Fact]
    public void EarnPoints_Jpy1299At1PerUnit_Earns1299()
    {
        var program = PointsProgram("JPY", 1);

        var result = NewCard(program).EarnPoints(program, 1299, "JPY", At(Start));

        Assert.Equal(1299, result.State?.PointsBalance);
        Assert.Equal(Tier.Silver, result.State?.Tier);
    }

    [Fact]
    public void EarnPoints_CurrencyInOtherCase_Accepted()
    {
        var program = PointsProgram("EUR", 1);

        var result = NewCard(program).EarnPoints(program, 500, "eur", At(Start));

        Assert.Equal(5, result.State?.PointsBalance);
    }

    [Fact]
    public void EarnPoints_OtherCurrency_RefusedAsValidationOnCurrency()
    {
        var program = PointsProgram("EUR", 10);

        var result = NewCard(program).EarnPoints(program, 1299, "USD", At(Start));

        Assert.Equal(ErrorCodes.Validation, result.Violation?.Code);
        Assert.Equal(["currency"], result.Violation!.Errors!.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void EarnPoints_ZeroOrNegativeAmount_RefusedAsValidation(long amount)
    {
        var program = PointsProgram();

        var result = NewCard(program).EarnPoints(program, amount, "EUR", At(Start));

        Assert.Equal(["purchaseAmountMinor"], result.Violation?.Errors?.Keys);
    }

    [Fact]
    public void EarnPoints_CrossingThresholds_RaisesTier()
    {
        var program = PointsProgram("EUR", 1);
        var card = NewCard(program);

        card = Apply(card.EarnPoints(program, 99_900, "EUR", At(Start)));
        Assert.Equal(Tier.Bronze, card.Tier);
        card = Apply(card.EarnPoints(program, 100, "EUR", At(Start.AddMinutes(1))));
        Assert.Equal(Tier.Silver, card.Tier);
        card = Apply(card.EarnPoints(program, 400_000, "EUR", At(Start.AddMinutes(2))));
        Assert.Equal(Tier.Gold, card.Tier);
        Assert.Equal(5000, card.LifetimePoints);
    }

    [Fact]
    public void RedeemPointsReward_Spending_NeverLowersTier()
    {
        var program = PointsProgram("EUR", 10);
        var card = Apply(NewCard(program).EarnPoints(program, 10_000, "EUR", At(Start)));

        card = Apply(card.RedeemPointsReward(program, "voucher", At(Start.AddMinutes(1))));

        Assert.Equal(500, card.PointsBalance);
        Assert.Equal(1000, card.LifetimePoints);
        Assert.Equal(Tier.Silver, card.Tier);
    }

    [Fact]
    public void RedeemPointsReward_AcrossLots_SpendsOldestFirst()
    {
        var program = PointsProgram("EUR", 1);
        var first = At(Start);
        var second = At(Start.AddDays(1));
        var third = At(Start.AddDays(2));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", first));
        card = Apply(card.EarnPoints(program, 7000, "EUR", second));
        card = Apply(card.EarnPoints(program, 8000, "EUR", third));

        var result = card.RedeemPointsReward(program, "tote", At(Start.AddDays(3)));

        Assert.True(result.Succeeded);
        Assert.Equal(
            [new PointLot(second.TransactionId, second.RecordedAt, 30), new PointLot(third.TransactionId, third.RecordedAt, 80)],
            result.State.Lots);
        Assert.Equal(-100, result.Fact.PointsDelta);
        Assert.Equal(110, result.Fact.PointsAfter);
    }

    [Fact]
    public void EarnPoints_OfflineEarnArrivingLate_InsertedInEarnOrder()
    {
        var program = PointsProgram("EUR", 1);
        var card = Apply(NewCard(program).EarnPoints(program, 1000, "EUR", At(Start.AddDays(2))));
        var late = At(Start.AddDays(3)) with { OccurredAt = Start.AddDays(1) };

        card = Apply(card.EarnPoints(program, 2000, "EUR", late));

        Assert.Equal([Start.AddDays(1), Start.AddDays(2)], card.Lots.Select(lot => lot.EarnedAt));
    }

    [Fact]
    public void RedeemPointsReward_BalanceBelowCost_RefusedAsInsufficientPoints()
    {
        var program = PointsProgram("EUR", 1);
        var card = Apply(NewCard(program).EarnPoints(program, 9900, "EUR", At(Start)));

        var result = card.RedeemPointsReward(program, "tote", At(Start.AddMinutes(1)));

        Assert.Equal(ErrorCodes.InsufficientPoints, result.Violation?.Code);
    }

    [Fact]
    public void RedeemPointsReward_UnknownReward_RefusedAsRewardNotFound()
    {
        var program = PointsProgram();

        var result = NewCard(program).RedeemPointsReward(program, "yacht", At(Start));

        Assert.Equal(ErrorCodes.RewardNotFound, result.Violation?.Code);
    }
}
