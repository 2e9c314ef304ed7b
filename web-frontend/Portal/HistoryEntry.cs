namespace Loyalty.Web.Portal;

/// <summary>One ledger entry as the customer sees it: what happened, where, when, and the balances after.</summary>
public sealed record HistoryEntry(
    string Kind,
    string Reason,
    int StampsDelta,
    long PointsDelta,
    int StampsAfter,
    long PointsAfter,
    string? StoreName,
    DateTimeOffset OccurredAt);
