namespace Loyalty.Web.Audit;

/// <summary>One page of a merchant's audit log, newest first.</summary>
public sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, long Total);
