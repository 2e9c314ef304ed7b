using System.Globalization;
using System.Xml.Linq;
using Loyalty.Web.AdminSite.Charts;

namespace Loyalty.Web.Tests.AdminSite.Dashboard;

public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_TwoBars_ExactBandsHeightsAndTicks()
    {
        var svg = Parse(new Chart("c", "Stamps", "Stamps per day", ChartKind.Bar, [new("Mon", 1), new("Tue", 3)], Format));

        var bars = svg.Descendants(Svg + "rect").Select(r => (r.Attribute("x")!.Value, r.Attribute("y")!.Value, r.Attribute("width")!.Value, r.Attribute("height")!.Value));
        Assert.Equal([("98.6", "138.67", "198.8", "61.33"), ("382.6", "16", "198.8", "184")], bars);
        var grid = svg.Elements(Svg + "g").Single(g => g.Attribute("class")!.Value == "chart-grid").Elements(Svg + "line").Select(l => l.Attribute("y1")!.Value);
        Assert.Equal(["200", "138.67", "77.33", "16"], grid);
        var texts = svg.Descendants(Svg + "text").Select(t => (t.Attribute("x")!.Value, t.Attribute("y")!.Value, t.Value));
        Assert.Equal(
            [("50", "200", "#0"), ("50", "138.67", "#1"), ("50", "77.33", "#2"), ("50", "16", "#3"), ("198", "218", "Mon"), ("482", "218", "Tue")],
            texts);
    }

    [Fact]
    public void Render_ThreePointLine_ExactPolylineAndCircles()
    {
        var svg = Parse(new Chart("c", "Active cards", "Active cards per day", ChartKind.Line, [new("a", 0), new("b", 5), new("c", 10)], Format));

        Assert.Equal("56,200 340,108 624,16", svg.Descendants(Svg + "polyline").Single().Attribute("points")!.Value);
        Assert.Equal(["56:200", "340:108", "624:16"], svg.Descendants(Svg + "circle").Select(c => $"{c.Attribute("cx")!.Value}:{c.Attribute("cy")!.Value}"));
        Assert.Equal(["#0", "#5", "#10"], svg.Descendants(Svg + "text").Where(t => t.Attribute("text-anchor")!.Value == "end").Select(t => t.Value));
    }

    [Fact]
    public void Render_TitleAndDescription_NamedByAriaLabelledBy()
    {
        var svg = Parse(new Chart("chart-enrolments", "Enrolments", "Enrolments per day, 2 March to 1 April", ChartKind.Bar, [new("x", 2)], Format));

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("chart-enrolments-title chart-enrolments-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal(("chart-enrolments-title", "Enrolments"), (svg.Element(Svg + "title")!.Attribute("id")!.Value, svg.Element(Svg + "title")!.Value));
        Assert.Equal("Enrolments per day, 2 March to 1 April", svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Render_MarkupInTexts_IsEscaped()
    {
        var text = SvgChartRenderer.Render(new Chart("c\"x", "<b>A & B</b>", "it's \"quoted\"", ChartKind.Bar, [new("<script>", 1)], Format));

        Assert.Contains("<title id=\"c&quot;x-title\">&lt;b&gt;A &amp; B&lt;/b&gt;</title>", text, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"c&quot;x-desc\">it&#39;s &quot;quoted&quot;</desc>", text, StringComparison.Ordinal);
        Assert.Contains(">&lt;script&gt;</text>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyPoints_LabelsAtMostEight()
    {
        var points = Enumerable.Range(1, 30).Select(i => new ChartPoint(i.ToString(CultureInfo.InvariantCulture), i)).ToList();

        var svg = Parse(new Chart("c", "t", "d", ChartKind.Bar, points, Format));

        Assert.Equal(["1", "5", "9", "13", "17", "21", "25", "29"], svg.Descendants(Svg + "text").Where(t => t.Attribute("text-anchor")!.Value == "middle").Select(t => t.Value));
        Assert.Equal(30, svg.Descendants(Svg + "rect").Count());
    }

    [Fact]
    public void Render_NegativeBar_HangsBelowZero()
    {
        var svg = Parse(new Chart("c", "t", "d", ChartKind.Bar, [new("a", -3), new("b", 7)], Format));

        // Scale -5..10 in steps of 5: zero at 16 + 184 * 10 / 15.
        var bar = svg.Descendants(Svg + "rect").First();
        Assert.Equal(("138.67", "36.8"), (bar.Attribute("y")!.Value, bar.Attribute("height")!.Value));
    }

    [Theory]
    [InlineData(new long[] { 0 }, 0, 1, 1)]
    [InlineData(new long[] { 1, 3 }, 0, 3, 1)]
    [InlineData(new long[] { -3, 7 }, -5, 10, 5)]
    [InlineData(new long[] { 0, 1234 }, 0, 1500, 500)]
    [InlineData(new long[] { 4, 4 }, 0, 4, 1)]
    public void ChartScale_For_NiceWholeSteps(long[] values, long minimum, long maximum, long step)
    {
        Assert.Equal(new ChartScale(minimum, maximum, step), ChartScale.For(values));
    }

    private static string Format(long value) => "#" + value.ToString(CultureInfo.InvariantCulture);

    private static XElement Parse(Chart chart) => XElement.Parse(SvgChartRenderer.Render(chart));
}
