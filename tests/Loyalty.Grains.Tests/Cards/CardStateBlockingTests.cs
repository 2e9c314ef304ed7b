using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Cards;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateBlockingTests
{
    [Fact]
    public void Block_ActiveCard_BlocksWithStatusChangeEntryAndNoAmounts()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).AddStamps(program, 3, At(Start)));

        var result = card.Block("  Card reported lost  ", At(Start.AddHours(1)));

        Assert.True(result.Succeeded);
        Assert.Equal(CardStatus.Blocked, result.State.Status);
        Assert.Equal((LedgerKind.StatusChange, "Blocked: Card reported lost"), (result.Fact.Kind, result.Fact.Reason));
        Assert.Equal((0, 0, 0L, 3, 0L), (result.Fact.StampsDelta, result.Fact.RewardsDelta, result.Fact.PointsDelta, result.Fact.StampsAfter, result.Fact.PointsAfter));
    }

    [Fact]
    public void BlockedCard_StampsPointsAndRedemptions_RefusedAsCardBlocked()
    {
        var program = HybridProgram();
        var card = Apply(Apply(NewCard(program).AddStamps(program, 10, At(Start))).Block("Lost", At(Start.AddMinutes(1))));
        var later = Start.AddMinutes(2);

        Assert.Equal(ErrorCodes.CardBlocked, card.AddStamps(program, 1, At(later)).Violation?.Code);
        Assert.Equal(ErrorCodes.CardBlocked, card.EarnPoints(program, 1000, "EUR", At(later)).Violation?.Code);
        Assert.Equal(ErrorCodes.CardBlocked, card.RedeemStampReward(program, At(later)).Violation?.Code);
        Assert.Equal(ErrorCodes.CardBlocked, card.RedeemPointsReward(program, program.Rewards[0].Id, At(later)).Violation?.Code);
    }

    [Fact]
    public void BlockedCard_AdjustmentAndVoid_StillApply()
    {
        var program = HybridProgram();
        var stamp = At(Start);
        var card = Apply(Apply(NewCard(program).AddStamps(program, 2, stamp)).Block("Lost", At(Start.AddMinutes(1))));

        var adjusted = Apply(card.Adjust(program, 0, 50, "Goodwill", At(Start.AddMinutes(2))));
        var voided = Apply(adjusted.Void(program, stamp.TransactionId, "Stamped by mistake", At(Start.AddMinutes(3))));

        Assert.Equal((CardStatus.Blocked, 0, 50L), (voided.Status, voided.Stamps, voided.PointsBalance));
    }

    [Fact]
    public void Block_BlockedCard_RefusedAsCardBlockedAndClosedCardAsCardInactive()
    {
        var program = StampProgram();
        var blocked = Apply(NewCard(program).Block("Lost", At(Start)));
        var closed = Apply(NewCard(program).EraseCustomer(At(Start)));

        Assert.Equal(ErrorCodes.CardBlocked, blocked.Block("Again", At(Start.AddMinutes(1))).Violation?.Code);
        Assert.Equal(ErrorCodes.CardInactive, closed.Block("Lost", At(Start.AddMinutes(1))).Violation?.Code);
    }

    [Fact]
    public void Unblock_BlockedCard_ActiveAgainAndStampsApply()
    {
        var program = StampProgram();
        var blocked = Apply(NewCard(program).Block("Lost", At(Start)));

        var result = blocked.Unblock("Found again", At(Start.AddMinutes(1)));

        Assert.True(result.Succeeded);
        Assert.Equal((CardStatus.Active, "Unblocked: Found again"), (result.State.Status, result.Fact.Reason));
        Assert.True(result.State.AddStamps(program, 1, At(Start.AddMinutes(2))).Succeeded);
    }

    [Fact]
    public void Unblock_ActiveOrClosedCard_RefusedAsCardNotBlocked()
    {
        var program = StampProgram();
        var closed = Apply(NewCard(program).EraseCustomer(At(Start)));

        Assert.Equal(ErrorCodes.CardNotBlocked, NewCard(program).Unblock("Why not", At(Start)).Violation?.Code);
        Assert.Equal(ErrorCodes.CardNotBlocked, closed.Unblock("Reopen", At(Start.AddMinutes(1))).Violation?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlockAndUnblock_WithoutReason_RefusedAsValidation(string reason)
    {
        var program = StampProgram();
        var blocked = Apply(NewCard(program).Block("Lost", At(Start)));

        Assert.Equal(["reason"], NewCard(program).Block(reason, At(Start)).Violation?.Errors?.Keys);
        Assert.Equal(["reason"], blocked.Unblock(reason, At(Start.AddMinutes(1))).Violation?.Errors?.Keys);
    }
}
