namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The customer a card belongs to; every field given at enrolment is kept (phone and birthday included).</summary>
/// <param name="Name">The customer's name.</param>
/// <param name="Email">The e-mail address; a program has one card per address, whatever its case.</param>
/// <param name="Phone">Optional phone number.</param>
/// <param name="Birthday">Optional birthday (birthday bonus).</param>
/// <param name="Locale">The language of the customer's e-mails (en, fr, de or lb).</param>
/// <param name="MarketingOptIn">
/// Whether the customer agreed to receive the merchant's marketing, given separately from the program's terms (the
/// storefront asks; terminal and admin enrolments leave it false).
/// </param>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.CustomerProfile")]
public sealed record CustomerProfile(
    [Id(0)] string Name,
    [Id(1)] string Email,
    [Id(2)] string? Phone,
    [Id(3)] DateOnly? Birthday,
    [Id(4)] string Locale,
    [Id(5)] bool MarketingOptIn = false);
