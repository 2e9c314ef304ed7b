using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>
    /// Blocks an active card (lost, stolen, misused): stamps, earning and redemptions are then refused with
    /// <c>card-blocked</c> until it is unblocked; adjustments, voids and expiry still apply, as on a closed card. A blocked
    /// card answers <c>card-blocked</c> again; a closed card (customer erased) cannot be blocked (<c>card-inactive</c>),
    /// since unblocking it would reopen it. The reason is mandatory and goes to the ledger.
    /// </summary>
    public CardOperationResult Block(string reason, OperationContext context)
    {
        EnsureNewTransaction(context);
        if (string.IsNullOrWhiteSpace(reason))
            return CardOperationResult.Refused(RuleViolation.Validation("reason", "Say why the card is blocked."));
        if (Status == CardStatus.Blocked)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.CardBlocked, $"Card {CardNumber} is already blocked."));
        if (Status != CardStatus.Active)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.CardInactive, $"Card {CardNumber} is closed; a closed card cannot be blocked."));
        return WithStatus(CardStatus.Blocked, $"Blocked: {reason.Trim()}", context);
    }

    /// <summary>Unblocks a blocked card: it is active again. Any other card is refused with <c>card-not-blocked</c>.</summary>
    public CardOperationResult Unblock(string reason, OperationContext context)
    {
        EnsureNewTransaction(context);
        if (string.IsNullOrWhiteSpace(reason))
            return CardOperationResult.Refused(RuleViolation.Validation("reason", "Say why the card is unblocked."));
        if (Status != CardStatus.Blocked)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.CardNotBlocked, $"Card {CardNumber} is not blocked."));
        return WithStatus(CardStatus.Active, $"Unblocked: {reason.Trim()}", context);
    }

    private CardOperationResult WithStatus(CardStatus status, string reason, OperationContext context)
    {
        var next = (this with { Status = status })
            .WithTransaction(new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.StatusChange });
        return Commit(next, LedgerKind.StatusChange, reason, context);
    }
}
