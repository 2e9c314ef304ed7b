namespace Loyalty.Web.Staff;

/// <summary>One entry of <c>GET /staff</c>: the bcrypt hash lets the tablet check PINs offline.</summary>
public sealed record StaffPinResponse(Guid PinId, string Name, string PinHash, bool Locked, DateTimeOffset? LockedUntil);
