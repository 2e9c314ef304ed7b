namespace Loyalty.Web.AdminSite.Charts;

/// <summary>One value of a series, with its period's label as the reader sees it (already localized).</summary>
public sealed record ChartPoint(string Label, long Value);
