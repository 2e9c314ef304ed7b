namespace Loyalty.Web.Cards;

/// <summary>Whether a card's ledger is intact: every entry's hash and link recomputed from the stored rows.</summary>
public sealed record LedgerVerificationResponse(bool IsValid, long EntriesChecked, long? FirstBadSequence, string? Problem);
