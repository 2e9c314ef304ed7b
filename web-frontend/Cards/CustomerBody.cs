namespace Loyalty.Web.Cards;

/// <summary>Everything the customer gave at enrolment (the old system dropped phone and birthday here).</summary>
public sealed record CustomerBody(string Name, string Email, string? Phone, DateOnly? Birthday, string Locale);
