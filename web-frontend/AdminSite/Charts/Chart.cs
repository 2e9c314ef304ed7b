namespace Loyalty.Web.AdminSite.Charts;

/// <summary>
/// What <see cref="SvgChartRenderer"/> draws: <paramref name="Id"/> names the chart's title and description elements
/// (unique on the page), <paramref name="FormatValue"/> writes the axis labels in the reader's culture.
/// </summary>
public sealed record Chart(string Id, string Title, string Description, ChartKind Kind, IReadOnlyList<ChartPoint> Points, Func<long, string> FormatValue);
