namespace Loyalty.Web.Admin;

/// <summary>A merchant-owner token as listed: never the token or its hash.</summary>
public sealed record OwnerTokenResponse(
    Guid Id, string Name, Guid MerchantId, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
