namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// One malformed request. Most must be refused; <paramref name="MayBeAccepted"/> marks boundary numbers that can be in
/// a field's range (0 welcome points, deviceSeq -1) and odd route or query values on reads, which only must not fail.
/// </summary>
internal sealed record FuzzCase(string Name, ApiRequest Request, bool MayBeAccepted)
{
    public override string ToString() => $"{Request.Key} [{Name}]";
}
