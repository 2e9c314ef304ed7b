namespace Loyalty.Web.Terminal;

public sealed record StampResponse(Guid TransactionId, int Stamps, int RewardsAvailable);
