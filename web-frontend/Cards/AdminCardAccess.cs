using Loyalty.GrainInterfaces.Cards;
using Orleans;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Cards;

/// <summary>Finds a card for an admin request: a well-formed number, an existing card, and a merchant the admin may see.</summary>
public static class AdminCardAccess
{
    /// <summary>The card, if the number is well formed, the card exists and the admin may see its merchant.</summary>
    public static async Task<(CardView? Card, IResult? Problem)> FindAsync(string cardNumber, HttpContext context, IGrainFactory grains)
    {
        if (CardNumbers.Validate(cardNumber) is { IsValid: false } invalid)
        {
            return (null, new ValidationProblem().Add("cardNumber", invalid.Reason ?? "The card number is not valid.").ToResult());
        }

        var card = await grains.GetGrain<ICardGrain>(cardNumber).GetAsync();
        if (card is null)
        {
            return (null, Problem.Create(StatusCodes.Status404NotFound, "card-not-found", "Card not found", $"No card has number {cardNumber}."));
        }

        var admin = context.GetAdmin();
        return admin.IsPlatformAdmin || admin.MerchantId == card.MerchantId
            ? (card, null)
            : (null, Problem.Forbidden("The card belongs to another merchant."));
    }

}
