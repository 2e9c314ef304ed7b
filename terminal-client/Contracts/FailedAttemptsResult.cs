namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /staff/{pinId}/failed-attempts</c>.</summary>
/// <param name="Locked">Whether the PIN is now locked.</param>
/// <param name="LockedUntil">When the lock ends, if locked.</param>
public sealed record FailedAttemptsResult(bool Locked, DateTimeOffset? LockedUntil);
