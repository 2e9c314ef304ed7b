namespace Loyalty.Web.Tests.Hosting;

/// <summary>A terminal app with tiny rate limits, so tests reach them in a few requests.</summary>
public sealed class RateLimitedTerminalApp : TerminalApp
{
    public const int PairRequestsPerMinute = 3;
    public const int PinVerificationsPerMinute = 4;
    public const int EnrollmentsPerMinute = 3;

    public RateLimitedTerminalApp()
        : base(new Dictionary<string, string?>
        {
            ["Loyalty:Terminal:PairRequestsPerMinute"] = PairRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loyalty:Terminal:PinVerificationsPerMinute"] = PinVerificationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loyalty:Terminal:EnrollmentsPerMinute"] = EnrollmentsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
    {
    }
}
