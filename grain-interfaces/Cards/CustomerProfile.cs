namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The customer a card belongs to; every field given at enrolment is kept (phone and birthday included).</summary>
public sealed record CustomerProfile(string Name, string Email, string? Phone, DateOnly? Birthday, string Locale);
