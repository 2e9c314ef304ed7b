using System.Text.Json;
using Loyalty.Browser.Tests.Hosting;
using Loyalty.Testing;

namespace Loyalty.Browser.Tests.Admin.Foundation;

/// <summary>The site on a manual clock for the admin foundation's browser tests: a lockout after three wrong passwords.</summary>
public sealed class AdminFoundationSite : SiteApp
{
    public const int MaxFailedAttempts = 3;

    public AdminFoundationSite()
        : base(new Dictionary<string, string?>
        {
            ["Loyalty:Admin:Lockout:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loyalty:Admin:PasswordReset:RequestsPerMinute"] = "10000",
            ["Loyalty:Admin:PasswordReset:RequestsPerEmailPerHour"] = "10000",
        }, new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)))
    {
    }

    /// <summary>The newest password reset link sent to the address, as a path and query on this site.</summary>
    public async Task<string?> LatestResetLinkAsync(string email)
    {
        var payload = await TestDatabase.ScalarAsync<string>(
            ConnectionString, "SELECT payload::text FROM outbox WHERE topic = 'admin-password-reset' AND payload->>'email' = $1 ORDER BY id DESC LIMIT 1", email);
        return payload is null ? null : new Uri(JsonDocument.Parse(payload).RootElement.GetProperty("link").GetString()!).PathAndQuery;
    }
}
