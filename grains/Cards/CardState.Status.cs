using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>
    /// Makes the card inactive: stamps, earning, redemptions and the welcome bonus are then refused with
    /// <c>card-inactive</c>; adjustments, voids and expiry still apply. The reason is mandatory.
    /// </summary>
    public CardOperationResult Deactivate(string reason, OperationContext context) => ChangeStatus(CardStatus.Inactive, reason, context);

    public CardOperationResult Reactivate(string reason, OperationContext context) => ChangeStatus(CardStatus.Active, reason, context);

    private CardOperationResult ChangeStatus(CardStatus status, string reason, OperationContext context)
    {
        EnsureNewTransaction(context);
        if (string.IsNullOrWhiteSpace(reason))
            return CardOperationResult.Refused(RuleViolation.Validation("reason", "Say why the card's status changes."));
        if (Status == status)
            return CardOperationResult.Refused(RuleViolation.Validation("status", $"Card {CardNumber} is already {status.ToString().ToLowerInvariant()}."));
        var verb = status == CardStatus.Active ? "Reactivated" : "Deactivated";
        return WithStatus(status, $"{verb}: {reason.Trim()}", context);
    }
}
