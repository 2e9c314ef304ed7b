namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A card's balances right after an operation: what its ledger entry records as "after".</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CardBalance")]
public sealed record CardBalance([Id(0)] int Stamps, [Id(1)] long Points, [Id(2)] int RewardsAvailable);
