using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite;

/// <summary>
/// The frontend on a manual clock for admin site tests, with a small lockout (<see cref="MaxFailedAttempts"/> wrong
/// passwords lock an account for <see cref="LockoutDuration"/>) and the terminal app's helpers for merchants and stores.
/// </summary>
public sealed class AdminSiteApp : TerminalApp
{
    public const int MaxFailedAttempts = 3;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public AdminSiteApp()
        : base(new Dictionary<string, string?>(GenerousLimits)
        {
            ["Loyalty:Admin:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loyalty:Admin:Lockout:Duration"] = LockoutDuration.ToString(),
        })
    {
    }
}
