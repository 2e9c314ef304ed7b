namespace Loyalty.Web.Tests.AdminSite.Dashboard;

/// <summary>One <c>ledger_entries</c> row with its card's program, as the tests read it to compute figures on their own.</summary>
public sealed record LedgerRow(
    string CardNumber,
    Guid ProgramId,
    long Sequence,
    Guid TransactionId,
    string Kind,
    int StampsDelta,
    int RewardsDelta,
    long PointsDelta,
    int RewardsAvailableAfter,
    long PointsAfter,
    Guid? VoidedTransactionId,
    string? StoreId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt);
