namespace Loyalty.Grains.Cards;

/// <summary>Points that will expire within a window, and when the first of them does (null when none will).</summary>
public sealed record ExpiringPoints(long Points, DateTimeOffset? FirstExpiresAt)
{
    public static ExpiringPoints None { get; } = new(0, null);
}
