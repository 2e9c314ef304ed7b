using System.Globalization;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Rules;

namespace Loyalty.Grains.Cards;

/// <summary>Maps the card rules' types to the records grains answer with.</summary>
internal static class CardViews
{
    public static CardView Of(CardState card, Guid merchantId) => new(
        card.CardNumber,
        merchantId,
        Guid.Parse(card.ProgramId, CultureInfo.InvariantCulture),
        card.Customer,
        card.Stamps,
        card.PointsBalance,
        card.RewardsAvailable,
        Names.Of(card.Tier),
        card.Status,
        card.EnrolledAt);

    public static CardError Of(RuleViolation violation) =>
        new(violation.Code, violation.Message, violation.RetryAt, violation.Errors);

    public static CardOutcome Refused(string code, string message) =>
        new(CardOutcomeStatus.Refused, Error: new CardError(code, message));
}
