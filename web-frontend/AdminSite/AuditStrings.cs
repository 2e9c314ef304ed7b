namespace Loyalty.Web.AdminSite;

/// <summary>The audit page's texts (<c>/admin/audit</c>): <c>AuditStrings.resx</c> and its fr, de and lb translations.</summary>
public sealed class AuditStrings;
