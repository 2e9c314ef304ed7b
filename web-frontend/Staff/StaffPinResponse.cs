namespace Loyalty.Web.Staff;

/// <summary>
/// One entry of <c>GET /staff</c>. <see cref="PinHash"/> (bcrypt) lets the tablet check the PIN offline until
/// <see cref="OfflineVerifierExpiresAt"/>; both are null for a PIN too short to be checked offline (ADR 0017).
/// </summary>
public sealed record StaffPinResponse(Guid PinId, string Name, string? PinHash, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset? OfflineVerifierExpiresAt);
