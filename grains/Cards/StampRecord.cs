namespace Loyalty.Grains.Cards;

/// <summary>A recent stamp operation, kept only as long as the cooldown and daily-cap rules need it.</summary>
public sealed record StampRecord(DateTimeOffset At, int Count);
