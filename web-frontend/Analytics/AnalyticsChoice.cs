namespace Loyalty.Web.Analytics;

/// <summary>A merchant, store or program the dashboard can be filtered by; stores carry their IANA time zone.</summary>
public sealed record AnalyticsChoice(Guid Id, string Name, string? TimeZone = null);
