namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A card's balances right after an operation: what its ledger entry records as "after".</summary>
public sealed record CardBalance(int Stamps, long Points, int RewardsAvailable);
