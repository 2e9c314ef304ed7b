using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Web.Cards;

/// <summary>Maps grain card views to the API bodies.</summary>
public static class CardBodies
{
    public static CardBody Terminal(CardView card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(card.CardNumber, card.ProgramId, card.Customer.Name, card.Stamps, card.Points, card.RewardsAvailable, card.Tier, Status(card.Status));
    }

    public static AdminCardBody Admin(CardView card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var customer = card.Customer;
        return new(
            card.CardNumber, card.ProgramId, customer.Name, card.Stamps, card.Points, card.RewardsAvailable, card.Tier, Status(card.Status),
            new CustomerBody(customer.Name, customer.Email, customer.Phone, customer.Birthday, customer.Locale),
            card.MerchantId,
            card.EnrolledAt);
    }

    private static string Status(CardStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
