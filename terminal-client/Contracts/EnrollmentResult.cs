namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /enrollments</c>.</summary>
/// <param name="Card">The customer's card.</param>
/// <param name="Created"><see langword="true"/> for a new card (201), <see langword="false"/> for the program's existing card for that e-mail (200).</param>
public sealed record EnrollmentResult(Card Card, bool Created);
