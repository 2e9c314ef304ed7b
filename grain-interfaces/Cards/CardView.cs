namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A card as callers see it: balances and the customer it belongs to.</summary>
public sealed record CardView(
    string CardNumber,
    Guid MerchantId,
    Guid ProgramId,
    CustomerProfile Customer,
    int Stamps,
    long Points,
    int RewardsAvailable,
    string Tier,
    CardStatus Status,
    DateTimeOffset EnrolledAt);
