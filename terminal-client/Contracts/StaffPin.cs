namespace Loyalty.TerminalClient.Contracts;

/// <summary>One entry of <c>GET /staff</c>: the bcrypt hash lets the tablet check the PIN offline (<see cref="Offline.OfflinePinVerifier"/>).</summary>
/// <param name="PinId">The PIN's id, sent with every card operation.</param>
/// <param name="Name">The staff member's name.</param>
/// <param name="PinHash">bcrypt (<c>$2b$</c>, cost at least 10); null when the PIN is too short to be checked offline: verify it online.</param>
/// <param name="Locked">Whether the PIN is locked now.</param>
/// <param name="LockedUntil">When the lock ends, if locked.</param>
/// <param name="OfflineVerifierExpiresAt">Until when <paramref name="PinHash"/> may be used offline; refresh the list before then.</param>
public sealed record StaffPin(Guid PinId, string Name, string? PinHash, bool Locked, DateTimeOffset? LockedUntil, DateTimeOffset? OfflineVerifierExpiresAt = null);
