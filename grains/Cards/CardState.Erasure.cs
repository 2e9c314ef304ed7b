using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>The ledger reason of an erasure: it names no one.</summary>
    public const string ErasureReason = "Closed: the customer's personal data was erased";

    /// <summary>
    /// Erases the customer's name, e-mail, phone and birthday and closes the card (inactive: stamps, earning and
    /// redemptions are refused). Balances, lots and the ledger's amounts stay, so the books still add up; the ledger
    /// fact records the closing with no amounts. Refused when the customer was already erased.
    /// </summary>
    public CardOperationResult EraseCustomer(OperationContext context)
    {
        EnsureNewTransaction(context);
        if (Customer.IsErased())
            return CardOperationResult.Refused(RuleViolation.Validation("customer", $"The customer of card {CardNumber} was already erased."));
        var next = (this with { Customer = ErasedCustomer.For(Customer.Locale), Status = CardStatus.Inactive })
            .WithTransaction(new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.StatusChange });
        return Commit(next, LedgerKind.StatusChange, ErasureReason, context);
    }
}
