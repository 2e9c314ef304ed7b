using Loyalty.GrainInterfaces.Pins;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>The new-merchant form: the merchant and its staff PIN lockout.</summary>
public sealed class MerchantForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public string? DefaultLocale { get; set; } = "en";

    public int? MaxConsecutiveFailures { get; set; } = PinLockoutSettings.Default.MaxConsecutiveFailures;

    public int? LockMinutes { get; set; } = (int)PinLockoutSettings.Default.LockDuration.TotalMinutes;
}
