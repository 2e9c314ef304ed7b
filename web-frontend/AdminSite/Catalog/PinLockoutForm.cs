namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>A merchant's staff PIN lockout, as its page edits it.</summary>
public sealed class PinLockoutForm
{
    public int? MaxConsecutiveFailures { get; set; }

    public int? LockMinutes { get; set; }
}
