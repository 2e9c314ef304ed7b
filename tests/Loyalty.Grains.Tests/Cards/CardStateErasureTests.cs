using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateErasureTests
{
    [Fact]
    public void EraseCustomer_KeepsBalancesAndClosesTheCardWithAnEntryOfNoAmounts()
    {
        var program = HybridProgram();
        var card = Apply(NewCard(program).AddStamps(program, 4, At(Start)));
        card = card with { Customer = card.Customer with { MarketingOptIn = true } };
        card = Apply(card.EarnPoints(program, 1_250, "EUR", At(Start.AddMinutes(1))));

        var result = card.EraseCustomer(At(Start.AddMinutes(2)));

        Assert.True(result.Succeeded);
        Assert.Equal(new CustomerProfile("", "", null, null, "fr", MarketingOptIn: false), result.State.Customer);
        Assert.True(result.State.Customer.IsErased());
        Assert.Equal(CardStatus.Inactive, result.State.Status);
        Assert.Equal((4, 125L, card.LifetimePoints), (result.State.Stamps, result.State.PointsBalance, result.State.LifetimePoints));
        Assert.Equal((LedgerKind.StatusChange, CardState.ErasureReason), (result.Fact.Kind, result.Fact.Reason));
        Assert.Equal((0, 0, 0L), (result.Fact.StampsDelta, result.Fact.RewardsDelta, result.Fact.PointsDelta));
        Assert.Equal((4, 125L), (result.Fact.StampsAfter, result.Fact.PointsAfter));
    }

    [Fact]
    public void EraseCustomer_AlreadyErased_IsRefused()
    {
        var program = StampProgram();
        var erased = Apply(NewCard(program).EraseCustomer(At(Start)));

        var again = erased.EraseCustomer(At(Start.AddMinutes(1)));

        Assert.False(again.Succeeded);
        Assert.Equal(ErrorCodes.Validation, again.Violation.Code);
    }

    [Fact]
    public void AddStamps_AfterErasure_IsRefusedAsInactive()
    {
        var program = StampProgram();
        var erased = Apply(NewCard(program).EraseCustomer(At(Start)));

        var stamp = erased.AddStamps(program, 1, At(Start.AddMinutes(1)));

        Assert.Equal(ErrorCodes.CardInactive, stamp.Violation?.Code);
    }

    [Fact]
    public void ExpirySchedule_AfterEarning_GroupsLotsByExpiryTimeSoonestFirst()
    {
        var program = PointsProgram(expiry: PointExpiryPolicy.AfterEarning(30));
        var card = Apply(NewCard(program).GrantWelcomeBonus(program, At(Start)));
        card = Apply(card.EarnPoints(program, 1_000, "EUR", At(Start.AddDays(2))));

        var schedule = card.ExpirySchedule(program);

        Assert.Equal([new PointsExpiry(50, Start.AddDays(30)), new PointsExpiry(100, Start.AddDays(32))], schedule);
    }

    [Fact]
    public void ExpirySchedule_NoExpiryPolicy_IsEmpty()
    {
        var program = PointsProgram();

        Assert.Empty(NewCard(program).ExpirySchedule(program));
    }
}
