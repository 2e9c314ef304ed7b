namespace Loyalty.Browser.Tests.Hosting;

/// <summary>A frontend of its own whose enrolment form takes two submissions per minute and address.</summary>
public sealed class RateLimitedSiteApp : SiteApp
{
    public const int EnrollmentsPerMinute = 2;

    public RateLimitedSiteApp()
        : base(new Dictionary<string, string?> { ["Loyalty:Storefront:EnrollmentsPerMinute"] = EnrollmentsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) })
    {
    }
}
