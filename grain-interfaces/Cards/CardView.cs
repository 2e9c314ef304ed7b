namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A card as callers see it: balances and the customer it belongs to.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CardView")]
public sealed record CardView(
    [Id(0)] string CardNumber,
    [Id(1)] Guid MerchantId,
    [Id(2)] Guid ProgramId,
    [Id(3)] CustomerProfile Customer,
    [Id(4)] int Stamps,
    [Id(5)] long Points,
    [Id(6)] int RewardsAvailable,
    [Id(7)] string Tier,
    [Id(8)] CardStatus Status,
    [Id(9)] DateTimeOffset EnrolledAt);
