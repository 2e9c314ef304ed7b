namespace Loyalty.TerminalClient.Contracts;

/// <summary>One of the merchant's programs in the pairing answer.</summary>
/// <param name="Id">The program id (for enrolments).</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind"><c>stamps</c>, <c>points</c> or <c>hybrid</c>.</param>
public sealed record PairedProgram(Guid Id, string Name, string Kind);
