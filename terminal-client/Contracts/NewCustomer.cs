namespace Loyalty.TerminalClient.Contracts;

/// <summary>The customer fields of an enrolment.</summary>
/// <param name="ProgramId">The program to enrol in.</param>
/// <param name="Email">The e-mail; a program has one card per e-mail (compared case-insensitively).</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">Optional phone number.</param>
/// <param name="Birthday">Optional birthday.</param>
/// <param name="Locale">Optional <c>en</c>, <c>fr</c>, <c>de</c> or <c>lb</c>.</param>
public sealed record NewCustomer(Guid ProgramId, string Email, string Name, string? Phone = null, DateOnly? Birthday = null, string? Locale = null);
