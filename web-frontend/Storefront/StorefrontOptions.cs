using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Storefront;

/// <summary>The storefront's settings (section <c>Loyalty:Storefront</c>).</summary>
public sealed class StorefrontOptions
{
    public const string SectionName = "Loyalty:Storefront";

    /// <summary>Enrolment form submissions per client IP address per minute; more answer the "too many attempts" page.</summary>
    [Range(1, 100_000)]
    public int EnrollmentsPerMinute { get; set; } = 10;
}
