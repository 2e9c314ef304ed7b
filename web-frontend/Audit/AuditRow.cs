namespace Loyalty.Web.Audit;

/// <summary>
/// An audit log entry as the admin site shows it: the actor's account e-mail (for <c>account:{id}</c>) or admin token
/// name (for a token id) beside the raw actor.
/// </summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    Guid? MerchantId,
    string? MerchantName,
    string Actor,
    string? ActorEmail,
    string? ActorTokenName,
    string Action,
    string SubjectType,
    string SubjectId,
    string Details);
