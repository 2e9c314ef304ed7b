namespace Loyalty.Web.AdminSite.Charts;

public enum ChartKind
{
    /// <summary>A level over time (active cards): points joined by a line.</summary>
    Line,

    /// <summary>An amount per period (enrolments, stamps): one bar per period.</summary>
    Bar,
}
