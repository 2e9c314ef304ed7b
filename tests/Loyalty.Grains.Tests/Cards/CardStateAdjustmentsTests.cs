using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateAdjustmentsTests
{
    [Fact]
    public void Adjust_PositiveStampsAndPoints_AddsWithReasonWithoutLifetime()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).AddStamps(program, 8, At(Start)));

        var result = card.Adjust(program, 3, 200, "Machine was broken", At(Start.AddHours(1)));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.State.Stamps);
        Assert.Equal(1, result.State.RewardsAvailable);
        Assert.Equal(200, result.State.PointsBalance);
        Assert.Equal(0, result.State.LifetimePoints);
        Assert.Equal("Adjustment: Machine was broken", result.Fact.Reason);
        Assert.Equal(3, result.Fact.StampsDelta);
        Assert.Equal(200, result.Fact.PointsDelta);
    }

    [Fact]
    public void Adjust_BelowZero_Refused()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).AddStamps(program, 2, At(Start)));

        Assert.Equal(ErrorCodes.InsufficientStamps, card.Adjust(program, -3, 0, "Correction", At(Start.AddHours(1))).Violation?.Code);
        Assert.Equal(ErrorCodes.InsufficientPoints, card.Adjust(program, 0, -1, "Correction", At(Start.AddHours(1))).Violation?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Adjust_WithoutReason_RefusedAsValidation(string reason)
    {
        var program = HybridProgram();

        var result = NewCard(program).Adjust(program, 1, 0, reason, At(Start));

        Assert.Equal(["reason"], result.Violation?.Errors?.Keys);
    }

    [Fact]
    public void Void_Earn_RemovesPointsLifetimeAndTier()
    {
        var program = PointsProgram("EUR", 10);
        var earn = At(Start);
        var card = Apply(NewCard(program).EarnPoints(program, 10_000, "EUR", earn));
        Assert.Equal(Tier.Silver, card.Tier);

        var result = card.Void(program, earn.TransactionId, "Wrong amount typed", At(Start.AddMinutes(5)));

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.State.PointsBalance);
        Assert.Equal(0, result.State.LifetimePoints);
        Assert.Equal(Tier.Bronze, result.State.Tier);
        Assert.Equal(LedgerKind.Void, result.Fact.Kind);
        Assert.Equal(-1000, result.Fact.PointsDelta);
        Assert.Equal(earn.TransactionId, result.Fact.VoidedTransactionId);
    }

    [Fact]
    public void Void_Twice_RefusedAsAlreadyVoided()
    {
        var program = PointsProgram();
        var earn = At(Start);
        var card = Apply(NewCard(program).EarnPoints(program, 1000, "EUR", earn));
        card = Apply(card.Void(program, earn.TransactionId, "Mistake", At(Start.AddMinutes(1))));

        var result = card.Void(program, earn.TransactionId, "Mistake again", At(Start.AddMinutes(2)));

        Assert.Equal(ErrorCodes.TransactionAlreadyVoided, result.Violation?.Code);
    }

    [Fact]
    public void Void_EarnAlreadySpent_RefusedAsVoidInsufficientBalance()
    {
        var program = PointsProgram("EUR", 1);
        var earn = At(Start);
        var card = Apply(NewCard(program).EarnPoints(program, 10_000, "EUR", earn));
        card = Apply(card.RedeemPointsReward(program, "tote", At(Start.AddMinutes(1))));

        var result = card.Void(program, earn.TransactionId, "Refund", At(Start.AddMinutes(2)));

        Assert.Equal(ErrorCodes.VoidInsufficientBalance, result.Violation?.Code);
    }

    [Fact]
    public void Void_Redemption_RestoresPointsToOriginalLots()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var first = At(Start);
        var second = At(Start.AddDays(1));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", first));
        card = Apply(card.EarnPoints(program, 7000, "EUR", second));
        var redeem = At(Start.AddDays(2));
        card = Apply(card.RedeemPointsReward(program, "tote", redeem));

        card = Apply(card.Void(program, redeem.TransactionId, "Customer changed mind", At(Start.AddDays(2))));

        Assert.Equal(
            [new PointLot(first.TransactionId, Start, 60), new PointLot(second.TransactionId, Start.AddDays(1), 70)],
            card.Lots);
    }

    [Fact]
    public void Void_StampsThatCompletedAReward_TakesTheRewardBack()
    {
        var program = StampProgram(stampsRequired: 10);
        var card = Apply(NewCard(program).AddStamps(program, 9, At(Start)));
        var stamps = At(Start.AddMinutes(1));
        card = Apply(card.AddStamps(program, 3, stamps));

        var result = card.Void(program, stamps.TransactionId, "Stamped the wrong card", At(Start.AddMinutes(2)));

        Assert.Equal(9, result.State?.Stamps);
        Assert.Equal(0, result.State?.RewardsAvailable);
        Assert.Equal(-3, result.Fact?.StampsDelta);
        Assert.Equal(-1, result.Fact?.RewardsDelta);
    }

    [Fact]
    public void Void_StampsWhoseRewardWasRedeemed_RefusedAsVoidInsufficientBalance()
    {
        var program = StampProgram(stampsRequired: 10);
        var stamps = At(Start);
        var card = Apply(NewCard(program).AddStamps(program, 10, stamps));
        card = Apply(card.RedeemStampReward(program, At(Start.AddMinutes(1))));

        var result = card.Void(program, stamps.TransactionId, "Wrong card", At(Start.AddMinutes(2)));

        Assert.Equal(ErrorCodes.VoidInsufficientBalance, result.Violation?.Code);
    }

    [Fact]
    public void Void_StampRedemption_GivesTheRewardBack()
    {
        var program = StampProgram(stampsRequired: 10);
        var card = Apply(NewCard(program).AddStamps(program, 10, At(Start)));
        var redeem = At(Start.AddMinutes(1));
        card = Apply(card.RedeemStampReward(program, redeem));

        var result = card.Void(program, redeem.TransactionId, "Coffee machine broken", At(Start.AddMinutes(2)));

        Assert.Equal(1, result.State?.RewardsAvailable);
    }

    [Fact]
    public void Void_AVoid_RefusedAsNotVoidable()
    {
        var program = PointsProgram();
        var earn = At(Start);
        var voiding = At(Start.AddMinutes(1));
        var card = Apply(NewCard(program).EarnPoints(program, 1000, "EUR", earn));
        card = Apply(card.Void(program, earn.TransactionId, "Mistake", voiding));

        var result = card.Void(program, voiding.TransactionId, "Undo", At(Start.AddMinutes(2)));

        Assert.Equal(ErrorCodes.TransactionNotVoidable, result.Violation?.Code);
    }

    [Fact]
    public void Void_UnknownTransaction_RefusedAsNotFound()
    {
        var program = PointsProgram();

        var result = NewCard(program).Void(program, Guid.NewGuid(), "Mistake", At(Start));

        Assert.Equal(ErrorCodes.TransactionNotFound, result.Violation?.Code);
    }
}
