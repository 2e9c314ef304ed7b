using System.Globalization;
using Loyalty.Web.AdminSite.Charts;
using Loyalty.Web.Analytics;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.AdminSite;

/// <summary>The dashboard's charts of a report, labelled in the current culture: four flows as bars, active cards as a line.</summary>
public static class DashboardCharts
{
    public static IReadOnlyList<DashboardChart> For(AnalyticsReport report, IStringLocalizer<DashboardStrings> texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        return
        [
            Build(report, texts, "enrolments", "Stat.Enrolments", ChartKind.Bar, day => day.Enrolments),
            Build(report, texts, "stamps", "Stat.StampsGiven", ChartKind.Bar, day => day.StampsGiven),
            Build(report, texts, "points", "Stat.PointsIssued", ChartKind.Bar, day => day.PointsIssued),
            Build(report, texts, "redemptions", "Stat.Redemptions", ChartKind.Bar, day => day.Redemptions),
            Build(report, texts, "active", "Chart.ActiveCards", ChartKind.Line, day => day.ActiveCards),
        ];
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string ShortDate(DateOnly day) => day.ToString("d MMM", CultureInfo.CurrentCulture);

    public static string LongDate(DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);

    private static DashboardChart Build(
        AnalyticsReport report, IStringLocalizer<DashboardStrings> texts, string key, string titleKey, ChartKind kind, Func<AnalyticsDay, long> value)
    {
        var title = texts[titleKey].Value;
        var periods = report.Periods;
        var id = $"chart-{key}";
        var description = texts[report.IsWeekly ? "Chart.DescriptionWeekly" : "Chart.Description", title,
            LongDate(report.Query.From), LongDate(report.Query.To)].Value;
        var points = periods.Select(p => new ChartPoint(ShortDate(p.Start), value(p))).ToList();
        var svg = SvgChartRenderer.Render(new Chart(id, title, description, kind, points, Number));
        var rows = periods.Select(p => (Period(p, report.IsWeekly), Number(value(p)))).ToList();
        return new DashboardChart(id, title, svg, rows);
    }

    private static string Period(AnalyticsDay period, bool weekly) =>
        weekly ? $"{ShortDate(period.Start)} – {ShortDate(period.End)}" : LongDate(period.Start);
}
