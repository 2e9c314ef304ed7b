using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>
/// The outcome of <see cref="CardState.ExpirePoints"/>: the new state, the points that expired (with the ledger fact,
/// null when none did), and when the next expiry is due (for the card's reminder; null when nothing can expire).
/// </summary>
public sealed record PointExpiryResult(CardState State, long ExpiredPoints, LedgerFact? Fact, DateTimeOffset? NextDueAt);
