namespace Loyalty.GrainInterfaces.Cards;

/// <summary>One ledger entry of a card, as the admin API lists them.</summary>
public sealed record LedgerEntryView(
    Guid TransactionId,
    long Sequence,
    string Kind,
    string Reason,
    int StampsDelta,
    long PointsDelta,
    int StampsAfter,
    long PointsAfter,
    string? StoreId,
    string? DeviceId,
    string? PinId,
    string? IdempotencyKey,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt);
