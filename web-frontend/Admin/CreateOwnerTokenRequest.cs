namespace Loyalty.Web.Admin;

/// <summary>Body of <c>POST /merchants/{merchantId}/owner-tokens</c>: a label telling who or what holds the token.</summary>
public sealed record CreateOwnerTokenRequest(string? Name)
{
    public const int MaxNameLength = 100;
}
