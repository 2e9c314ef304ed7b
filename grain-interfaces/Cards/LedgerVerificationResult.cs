namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The outcome of checking a card's ledger chain; <see cref="FirstBadSequence"/> is set when it is broken.</summary>
public sealed record LedgerVerificationResult(bool IsValid, long EntriesChecked, long? FirstBadSequence, string? Problem);
