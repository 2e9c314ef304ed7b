using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// A recent stamp operation, kept only as long as the cooldown and daily-cap rules need it. <see cref="At"/> is when
/// it happened (the tablet's time, never later than the server's); <see cref="ReceivedAt"/> is set when the server
/// received it later than that (a queued offline stamp), and the rules hold for both times.
/// </summary>
public sealed record StampRecord(DateTimeOffset At, int Count)
{
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the server received the stamp.</summary>
    [JsonIgnore]
    public DateTimeOffset Received => ReceivedAt ?? At;

    public static StampRecord Of(OperationContext context, int count)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = context.EffectiveAt;
        return new StampRecord(at, count) { ReceivedAt = context.RecordedAt > at ? context.RecordedAt : null };
    }
}
