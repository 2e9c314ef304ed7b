using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using static Loyalty.Grains.Tests.Cards.CardFixtures;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Tests.Cards;

public sealed class CardStateEnrollTests
{
    [Fact]
    public void GrantWelcomeBonus_OnEnrolment_AddsLotAndLifetimePoints()
    {
        var program = PointsProgram();
        var context = At(Start);

        var result = NewCard(program).GrantWelcomeBonus(program, context);

        Assert.True(result.Succeeded);
        Assert.Equal([new PointLot(context.TransactionId, Start, 50)], result.State.Lots);
        Assert.Equal(50, result.State.LifetimePoints);
        Assert.Equal(LedgerKind.WelcomeBonus, result.Fact.Kind);
        Assert.Equal("Welcome bonus of 50 points", result.Fact.Reason);
    }

    [Fact]
    public void GrantWelcomeBonus_Twice_Refused()
    {
        var program = PointsProgram();
        var card = Apply(NewCard(program).GrantWelcomeBonus(program, At(Start)));

        var result = card.GrantWelcomeBonus(program, At(Start));

        Assert.Equal(ErrorCodes.Validation, result.Violation?.Code);
    }

    [Fact]
    public void Enroll_ValidCustomer_KeepsEveryCustomerField()
    {
        var program = HybridProgram();

        var result = CardState.Enroll(CardNumber, program, Customer(), At(Start));

        Assert.True(result.Succeeded);
        Assert.Equal(Customer(), result.State.Customer);
        Assert.Equal(LedgerKind.Enrollment, result.Fact.Kind);
        Assert.Equal(Start, result.State.LastActivityAt);
        Assert.Equal(CardStatus.Active, result.State.Status);
    }

    [Fact]
    public void Enroll_BadCardNumber_RefusedAsValidation()
    {
        var result = CardState.Enroll("8012345678901231", HybridProgram(), Customer(), At(Start));

        Assert.Equal(["cardNumber"], result.Violation?.Errors?.Keys);
    }

    [Fact]
    public void Apply_SameTransactionTwice_Throws()
    {
        var program = PointsProgram();
        var context = At(Start);
        var card = Apply(NewCard(program).EarnPoints(program, 100, "EUR", context));

        Assert.Throws<ArgumentException>(() => card.EarnPoints(program, 100, "EUR", context));
    }
}
