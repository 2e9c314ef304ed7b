namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// One tenant crossing: <paramref name="Request"/> reaches another tenant's resource and must be refused (403 or 404,
/// for <c>/sync</c> each operation) without changing anything; <paramref name="Control"/> is the same request by the
/// rightful owner, which must succeed, so the refusal is known to come from the crossing.
/// </summary>
internal sealed record TenantCase(string Name, ApiRequest Request, ApiRequest Control)
{
    public override string ToString() => $"{Request.Key} [{Name}]";
}
