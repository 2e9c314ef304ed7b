using Loyalty.Web.Staff;

namespace Loyalty.Web.AdminSite.Operations;

/// <summary>A row of the staff page: the read model's PIN with its grain's failed attempts and current lock.</summary>
public sealed record StaffPinView(StaffPinRow Row, int FailedAttempts, DateTimeOffset? LockedUntil)
{
    /// <summary>Unlocking changes something only for a PIN with failures or a lock.</summary>
    public bool CanUnlock => FailedAttempts > 0 || LockedUntil is not null;
}
