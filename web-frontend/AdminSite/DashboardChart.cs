namespace Loyalty.Web.AdminSite;

/// <summary>One chart of the dashboard: its SVG and, for the table under it, each period's label and formatted value.</summary>
public sealed record DashboardChart(string Id, string Title, string Svg, IReadOnlyList<(string Period, string Value)> Rows);
