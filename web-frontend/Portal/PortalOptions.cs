using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Portal;

/// <summary>The customer portal's limits (<c>Loyalty:Portal</c>), validated at start-up.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Loyalty:Portal";

    /// <summary>Sign-in link requests per client IP address per minute.</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerMinute { get; set; } = 10;

    /// <summary>Sign-in link requests per e-mail address (at one merchant) per hour.</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerEmailPerHour { get; set; } = 5;
}
