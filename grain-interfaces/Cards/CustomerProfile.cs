namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The customer a card belongs to; every field given at enrolment is kept (phone and birthday included).</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CustomerProfile")]
public sealed record CustomerProfile(
    [Id(0)] string Name,
    [Id(1)] string Email,
    [Id(2)] string? Phone,
    [Id(3)] DateOnly? Birthday,
    [Id(4)] string Locale);
