namespace Loyalty.Web.Cards;

/// <summary>One ledger entry in <c>GET /cards/{cardNumber}/transactions</c>.</summary>
public sealed record TransactionBody(
    Guid TransactionId,
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
