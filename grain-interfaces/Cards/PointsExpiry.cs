namespace Loyalty.GrainInterfaces.Cards;

/// <summary>Points of a card that expire at <see cref="ExpiresAt"/> unless spent first (as the program's policy stands now).</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.PointsExpiry")]
public sealed record PointsExpiry(
    [Id(0)] long Points,
    [Id(1)] DateTimeOffset ExpiresAt);
