namespace Loyalty.Web.Staff;

/// <summary>Body of <c>POST /staff/{pinId}/failed-attempts</c>: failures the tablet saw offline.</summary>
public sealed record FailedAttemptsRequest(int? Count, DateTimeOffset? LastAttemptAt)
{
    public const int MaxCount = 100;
}
