namespace Loyalty.TerminalClient.Contracts;

/// <summary>One entry of <c>GET /staff</c>: the bcrypt hash lets the tablet check PINs offline.</summary>
/// <param name="PinId">The PIN's id, sent with every card operation.</param>
/// <param name="Name">The staff member's name.</param>
/// <param name="PinHash">bcrypt (<c>$2b$</c>, cost at least 10).</param>
/// <param name="Locked">Whether the PIN is locked now.</param>
/// <param name="LockedUntil">When the lock ends, if locked.</param>
public sealed record StaffPin(Guid PinId, string Name, string PinHash, bool Locked, DateTimeOffset? LockedUntil);
