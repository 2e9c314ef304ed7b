using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// The time zones the store form offers: the platform's region first, then common ones elsewhere. The store grain
/// checks the id (an IANA zone this machine knows), so a forged value is a field error, not a stored zone.
/// </summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<string> Common { get; } =
    [
        StoreDefaults.TimeZone,
        "Europe/Amsterdam",
        "Europe/Athens",
        "Europe/Berlin",
        "Europe/Brussels",
        "Europe/Dublin",
        "Europe/Helsinki",
        "Europe/Lisbon",
        "Europe/London",
        "Europe/Madrid",
        "Europe/Paris",
        "Europe/Rome",
        "Europe/Stockholm",
        "Europe/Vienna",
        "Europe/Warsaw",
        "Europe/Zurich",
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Toronto",
        "America/Sao_Paulo",
        "Asia/Dubai",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Australia/Sydney",
        "UTC",
    ];

    /// <summary>The choices, with <paramref name="current"/> added when a store already has a zone outside them.</summary>
    public static IReadOnlyList<string> For(string? current) =>
        string.IsNullOrEmpty(current) || Common.Contains(current, StringComparer.Ordinal) ? Common : [current, .. Common];
}
