namespace Loyalty.Web.AdminSite.Charts;

/// <summary>
/// The value axis: whole-number ticks at 1, 2 or 5 times a power of ten, from a multiple of the step at or below the
/// lowest value (zero at most) to one at or above the highest, about four steps in all.
/// </summary>
public sealed record ChartScale(long Minimum, long Maximum, long Step)
{
    private const int TargetSteps = 4;

    public static ChartScale For(IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long low = 0, high = 0;
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (low == high)
        {
            high = low + 1;
        }

        var step = NiceStep((double)(high - low) / TargetSteps);
        return new ChartScale(FloorTo(low, step), CeilingTo(high, step), step);
    }

    public IEnumerable<long> Ticks()
    {
        for (var tick = Minimum; tick <= Maximum; tick += Step)
        {
            yield return tick;
        }
    }

    private static long NiceStep(double rough)
    {
        long magnitude = 1;
        while (true)
        {
            foreach (var factor in (ReadOnlySpan<long>)[1, 2, 5])
            {
                if (factor * magnitude >= rough)
                {
                    return factor * magnitude;
                }
            }

            magnitude *= 10;
        }
    }

    private static long FloorTo(long value, long step) => value >= 0 ? value / step * step : -CeilingTo(-value, step);

    private static long CeilingTo(long value, long step) => value >= 0 ? (value + step - 1) / step * step : -FloorTo(-value, step);
}
