namespace Loyalty.Web.Programs;

/// <summary><c>mode</c>: none, afterEarning or inactivity; <c>days</c> for the latter two.</summary>
public sealed record PointExpiryRequest(string? Mode, int? Days);
