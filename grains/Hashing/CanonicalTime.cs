namespace Loyalty.Grains.Hashing;

/// <summary>
/// Times that get hashed are kept at microsecond precision in UTC, because that is what PostgreSQL's
/// <c>timestamptz</c> stores: a time with 100 ns ticks or a non-zero offset would come back from the database
/// different from what was hashed, and the chain would fail to verify.
/// </summary>
public static class CanonicalTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - (value.UtcTicks % TicksPerMicrosecond);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (Normalize(value).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;
}
