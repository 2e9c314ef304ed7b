using System.Text.Json;

namespace Loyalty.Web.Audit;

public sealed record AuditEntryResponse(
    long Id,
    string Actor,
    string Action,
    string SubjectType,
    string SubjectId,
    JsonElement Details,
    DateTimeOffset OccurredAt);
