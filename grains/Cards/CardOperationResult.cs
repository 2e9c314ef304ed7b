using System.Diagnostics.CodeAnalysis;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Rules;

namespace Loyalty.Grains.Cards;

/// <summary>
/// Either the card's new state and the ledger fact of the change, or the rule that refused it (and nothing changed).
/// </summary>
public sealed record CardOperationResult
{
    private CardOperationResult(CardState? state, LedgerFact? fact, RuleViolation? violation)
    {
        State = state;
        Fact = fact;
        Violation = violation;
    }

    public CardState? State { get; }

    public LedgerFact? Fact { get; }

    public RuleViolation? Violation { get; }

    [MemberNotNullWhen(true, nameof(State), nameof(Fact))]
    [MemberNotNullWhen(false, nameof(Violation))]
    public bool Succeeded => Violation is null;

    public static CardOperationResult Success(CardState state, LedgerFact fact)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fact);
        return new(state, fact, null);
    }

    public static CardOperationResult Refused(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new(null, null, violation);
    }
}
