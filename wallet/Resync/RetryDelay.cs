namespace Loyalty.Wallet.Resync;

/// <summary>Exponential backoff of a failing pass: the first delay, doubled per further failure, capped.</summary>
public static class RetryDelay
{
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 30);
        var ticks = first.Ticks * Math.Pow(2, doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
