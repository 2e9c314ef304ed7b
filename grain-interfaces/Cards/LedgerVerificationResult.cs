namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The outcome of checking a card's ledger chain; <see cref="FirstBadSequence"/> is set when it is broken.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.LedgerVerificationResult")]
public sealed record LedgerVerificationResult(
    [Id(0)] bool IsValid,
    [Id(1)] long EntriesChecked,
    [Id(2)] long? FirstBadSequence,
    [Id(3)] string? Problem);
