using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using static Loyalty.Grains.Tests.Cards.CardFixtures;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateExpiryTests
{
    [Fact]
    public void ExpirePoints_AfterEarning_ExpiresOnlyLotsOlderThanPolicy()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var first = At(Start);
        var second = At(Start.AddDays(10));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", first));
        card = Apply(card.EarnPoints(program, 7000, "EUR", second));

        var result = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(30)));

        Assert.Equal(60, result.ExpiredPoints);
        Assert.Equal([new PointLot(second.TransactionId, Start.AddDays(10), 70)], result.State.Lots);
        Assert.Equal(Start.AddDays(40), result.NextDueAt);
        Assert.Equal(LedgerKind.Expiry, result.Fact?.Kind);
        Assert.Equal(-60, result.Fact?.PointsDelta);
        Assert.Equal("60 points expired: earned 30 or more days ago", result.Fact?.Reason);
        Assert.Equal(60 + 70, result.State.LifetimePoints);
    }

    [Fact]
    public void ExpirePoints_AfterPartialSpend_ExpiresWhatIsLeftOfOldestLot()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var card = Apply(NewCard(program).EarnPoints(program, 15_000, "EUR", At(Start)));
        card = Apply(card.EarnPoints(program, 7000, "EUR", At(Start.AddDays(10))));
        card = Apply(card.RedeemPointsReward(program, "tote", At(Start.AddDays(11))));

        var result = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(31)));

        Assert.Equal(50, result.ExpiredPoints);
        Assert.Equal(70, result.State.PointsBalance);
    }

    [Fact]
    public void ExpirePoints_NothingDue_ReturnsNoFactAndNextDue()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", At(Start)));

        var result = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(29)));

        Assert.Equal(0, result.ExpiredPoints);
        Assert.Null(result.Fact);
        Assert.Same(card, result.State);
        Assert.Equal(Start.AddDays(30), result.NextDueAt);
    }

    [Fact]
    public void ExpirePoints_Inactivity_ExpiresEverythingAfterQuietPeriod()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.Inactivity(90));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", At(Start)));
        card = Apply(card.EarnPoints(program, 7000, "EUR", At(Start.AddDays(50))));

        var early = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(139)));
        var due = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(140)));

        Assert.Equal(0, early.ExpiredPoints);
        Assert.Equal(Start.AddDays(140), early.NextDueAt);
        Assert.Equal(130, due.ExpiredPoints);
        Assert.Equal(0, due.State.PointsBalance);
        Assert.Null(due.NextDueAt);
        Assert.Equal("130 points expired: no activity for 90 days", due.Fact?.Reason);
    }

    [Fact]
    public void ExpirePoints_InactivityAfterRedemption_ActivityPushesExpiryBack()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.Inactivity(90));
        var card = Apply(NewCard(program).EarnPoints(program, 20_000, "EUR", At(Start)));
        card = Apply(card.RedeemPointsReward(program, "tote", At(Start.AddDays(80))));

        var result = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddDays(100)));

        Assert.Equal(0, result.ExpiredPoints);
        Assert.Equal(Start.AddDays(170), result.NextDueAt);
    }

    [Fact]
    public void ExpirePoints_NoPolicy_NeverExpires()
    {
        var program = PointsProgram("EUR", 1);
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", At(Start)));

        var result = card.ExpirePoints(program, OperationContext.ForSystem(Guid.NewGuid(), Start.AddYears(10)));

        Assert.Equal(0, result.ExpiredPoints);
        Assert.Null(result.NextDueAt);
    }

    [Fact]
    public void PointsExpiringWithin_Window_SumsLotsDueInWindow()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", At(Start)));
        card = Apply(card.EarnPoints(program, 7000, "EUR", At(Start.AddDays(5))));
        card = Apply(card.EarnPoints(program, 8000, "EUR", At(Start.AddDays(20))));

        var expiring = card.PointsExpiringWithin(program, TimeSpan.FromDays(7), Start.AddDays(28));

        Assert.Equal(new ExpiringPoints(130, Start.AddDays(30)), expiring);
    }

    [Fact]
    public void PointsExpiringWithin_NothingDue_ReturnsNone()
    {
        var program = PointsProgram("EUR", 1, PointExpiryPolicy.AfterEarning(30));
        var card = Apply(NewCard(program).EarnPoints(program, 6000, "EUR", At(Start)));

        Assert.Equal(ExpiringPoints.None, card.PointsExpiringWithin(program, TimeSpan.FromDays(7), Start));
    }
}
