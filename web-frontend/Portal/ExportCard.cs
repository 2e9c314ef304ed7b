namespace Loyalty.Web.Portal;

/// <summary>One card in the export: the customer as the card holds them, its balances, and its whole ledger (oldest last).</summary>
public sealed record ExportCard(
    string CardNumber,
    string Program,
    string Name,
    string Email,
    string? Phone,
    DateOnly? Birthday,
    string Locale,
    string Status,
    int Stamps,
    int RewardsAvailable,
    long Points,
    long LifetimePoints,
    string Tier,
    DateTimeOffset EnrolledAt,
    IReadOnlyList<HistoryEntry> Ledger);
