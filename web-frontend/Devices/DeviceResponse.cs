namespace Loyalty.Web.Devices;

/// <summary>One entry of admin <c>GET /stores/{storeId}/devices</c>; <see cref="Status"/> is <c>active</c> or <c>revoked</c>.</summary>
public sealed record DeviceResponse(Guid DeviceId, string Name, string Status, DateTimeOffset PairedAt, DateTimeOffset? LastSeenAt);
