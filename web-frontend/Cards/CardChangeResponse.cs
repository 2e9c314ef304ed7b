namespace Loyalty.Web.Cards;

public sealed record CardChangeResponse(Guid TransactionId, int Stamps, long Points, int RewardsAvailable);
