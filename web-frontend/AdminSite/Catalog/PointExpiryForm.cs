namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>How points expire: <c>none</c>, <c>afterEarning</c> or <c>inactivity</c>, with days for the latter two.</summary>
public sealed class PointExpiryForm
{
    public string? Mode { get; set; } = "none";

    public int? Days { get; set; }
}
