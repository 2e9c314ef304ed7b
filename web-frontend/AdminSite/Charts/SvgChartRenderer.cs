using System.Globalization;
using System.Text;

namespace Loyalty.Web.AdminSite.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG on the server: value axis with ticks and grid lines, period labels, bars or
/// a line, a title and description for screen readers (<c>role="img"</c>). Every colour is <c>currentColor</c>, so the
/// page's CSS (and its dark mode) colours the chart; no script is needed.
/// </summary>
public static class SvgChartRenderer
{
    public const int Width = 640;
    public const int Height = 240;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;

    /// <summary>At most this many period labels are written under the axis (every n-th period).</summary>
    public const int MaxLabels = 8;

    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;

    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var scale = ChartScale.For(chart.Points.Select(p => p.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{(chart.Kind == ChartKind.Bar ? "bar" : "line")}\" viewBox=\"0 0 {Width} {Height}\" font-size=\"12\" role=\"img\" aria-labelledby=\"{Escape(chart.Id)}-title {Escape(chart.Id)}-desc\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Escape(chart.Id)}-title\">{Escape(chart.Title)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Escape(chart.Id)}-desc\">{Escape(chart.Description)}</desc>\n");

        svg.Append("<g class=\"chart-grid\" fill=\"none\" stroke=\"currentColor\">\n");
        foreach (var tick in scale.Ticks())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{N(Y(scale, tick))}\" x2=\"{Width - Right}\" y2=\"{N(Y(scale, tick))}\"/>\n");
        }

        svg.Append("</g>\n<g class=\"chart-axis\" fill=\"currentColor\">\n");
        foreach (var tick in scale.Ticks())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{N(Y(scale, tick))}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Escape(chart.FormatValue(tick))}</text>\n");
        }

        var every = Math.Max(1, (chart.Points.Count + MaxLabels - 1) / MaxLabels);
        for (var i = 0; i < chart.Points.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(X(chart, i))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Escape(chart.Points[i].Label)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{N(Y(scale, 0))}\" x2=\"{Width - Right}\" y2=\"{N(Y(scale, 0))}\" stroke=\"currentColor\"/>\n");
        svg.Append("</g>\n");
        svg.Append(chart.Kind == ChartKind.Bar ? Bars(chart, scale) : Line(chart, scale));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Text for SVG content and attribute values: the five characters XML gives meaning.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Bars(Chart chart, ChartScale scale)
    {
        var bars = new StringBuilder("<g class=\"chart-data\" fill=\"currentColor\">\n");
        var band = PlotWidth / Math.Max(1, chart.Points.Count);
        var zero = Y(scale, 0);
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var y = Y(scale, chart.Points[i].Value);
            bars.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{N(Left + (i * band) + (band * 0.15))}\" y=\"{N(Math.Min(y, zero))}\" width=\"{N(band * 0.7)}\" height=\"{N(Math.Abs(zero - y))}\"/>\n");
        }

        return bars.Append("</g>\n").ToString();
    }

    private static string Line(Chart chart, ChartScale scale)
    {
        var line = new StringBuilder("<g class=\"chart-data\" fill=\"currentColor\">\n");
        var points = string.Join(' ', chart.Points.Select((p, i) => $"{N(X(chart, i))},{N(Y(scale, p.Value))}"));
        line.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>\n");
        for (var i = 0; i < chart.Points.Count; i++)
        {
            line.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(chart, i))}\" cy=\"{N(Y(scale, chart.Points[i].Value))}\" r=\"3\"/>\n");
        }

        return line.Append("</g>\n").ToString();
    }

    // Bars sit in equal bands and are labelled at their middle; a line's points span the plot, a single one in the middle.
    private static double X(Chart chart, int index)
    {
        var count = chart.Points.Count;
        if (chart.Kind == ChartKind.Bar)
        {
            var band = PlotWidth / Math.Max(1, count);
            return Left + (index * band) + (band / 2);
        }

        return count == 1 ? Left + (PlotWidth / 2) : Left + (index * PlotWidth / (count - 1));
    }

    private static double Y(ChartScale scale, long value) =>
        Top + (PlotHeight * (scale.Maximum - value) / (scale.Maximum - scale.Minimum));

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
