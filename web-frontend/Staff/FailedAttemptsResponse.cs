namespace Loyalty.Web.Staff;

/// <summary>Answer of <c>POST /staff/{pinId}/failed-attempts</c>.</summary>
public sealed record FailedAttemptsResponse(bool Locked, DateTimeOffset? LockedUntil);
