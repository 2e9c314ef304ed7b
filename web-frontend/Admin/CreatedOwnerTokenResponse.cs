namespace Loyalty.Web.Admin;

/// <summary>The answer to issuing a merchant-owner token: the only time the token itself is shown.</summary>
public sealed record CreatedOwnerTokenResponse(Guid Id, string Name, Guid MerchantId, string Role, DateTimeOffset CreatedAt, string Token)
{
    // Records print their properties; the token must not reach a log through ToString.
    public override string ToString() => $"{nameof(CreatedOwnerTokenResponse)} {{ Id = {Id}, Name = {Name}, MerchantId = {MerchantId} }}";
}
