using Loyalty.Grains.Cards;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Tests.Cards;

namespace Loyalty.Grains.Tests.Ledger;

internal static class LedgerTestData
{
    /// <summary>A real chain: enrolment, welcome bonus, earn, redemption, void of the welcome bonus.</summary>
    public static IReadOnlyList<LedgerEntry> Chain()
    {
        var program = CardFixtures.PointsProgram("EUR", 10);
        var entries = new List<LedgerEntry>();
        var head = LedgerHead.Genesis;
        var at = CardFixtures.Start;
        var enrol = CardFixtures.At(at);
        var card = Append(CardState.Enroll(CardFixtures.CardNumber, program, CardFixtures.Customer(), enrol), enrol);
        var bonus = Next();
        card = Append(card.GrantWelcomeBonus(program, bonus), bonus);
        card = Append(card.EarnPoints(program, 12_990, "EUR", Next()), null);
        card = Append(card.RedeemPointsReward(program, "tote", Next()), null);
        Append(card.Void(program, bonus.TransactionId, "Granted by mistake", Next()), null);
        return entries;

        OperationContext Next() => CardFixtures.At(at = at.AddMinutes(1));

        CardState Append(CardOperationResult result, OperationContext? context)
        {
            Assert.True(result.Succeeded, result.Violation?.Message);
            var entry = LedgerChain.Append(head, result.Fact, context ?? ContextOf(result.Fact));
            entries.Add(entry);
            head = entry.Head;
            return result.State;
        }

        OperationContext ContextOf(LedgerFact fact) => CardFixtures.At(at) with { TransactionId = fact.TransactionId };
    }
}
