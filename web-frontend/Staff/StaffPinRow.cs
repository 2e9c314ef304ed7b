namespace Loyalty.Web.Staff;

/// <summary>
/// One staff PIN in the admin pages' list. <see cref="Digits"/> is 0 for PINs created before their length was kept;
/// <see cref="OfflineVerifier"/> says whether tablets get its bcrypt verifier (ADR 0017); <see cref="LockedUntil"/> is
/// set only while the lock runs.
/// </summary>
public sealed record StaffPinRow(Guid PinId, string Name, int Digits, bool OfflineVerifier, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);
