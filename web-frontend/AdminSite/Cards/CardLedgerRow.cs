namespace Loyalty.Web.AdminSite.Cards;

/// <summary>
/// One ledger entry as the card page lists it: the change, its reason, where (store name) and when. <see cref="Voidable"/>:
/// its kind can be voided and no void names it yet (the card grain still decides, for instance past its void window).
/// </summary>
public sealed record CardLedgerRow(
    long Sequence,
    Guid TransactionId,
    string Kind,
    string Reason,
    int StampsDelta,
    long PointsDelta,
    int StampsAfter,
    int RewardsAvailableAfter,
    long PointsAfter,
    string? StoreName,
    DateTimeOffset OccurredAt,
    bool Voided,
    bool Voidable);
