namespace Loyalty.Grains.Cards;

/// <summary>Points a spending transaction took from one lot; kept so a void can put them back into that lot.</summary>
public sealed record LotDraw(Guid LotTransactionId, DateTimeOffset EarnedAt, long Points);
