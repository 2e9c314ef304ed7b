namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /staff/{pinId}/failed-attempts</c>: PIN failures the tablet saw offline.</summary>
/// <param name="Count">1 to 100 failures.</param>
/// <param name="LastAttemptAt">When the last of them happened (tablet time).</param>
public sealed record FailedAttemptsRequest(int Count, DateTimeOffset LastAttemptAt);
