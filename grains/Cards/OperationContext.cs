namespace Loyalty.Grains.Cards;

/// <summary>
/// Who, where and when of one card operation. The rules judge time by <see cref="EffectiveAt"/>: the tablet's
/// <see cref="OccurredAt"/> (so stamps queued offline are judged by when they happened), but never later than
/// <see cref="RecordedAt"/>, so a tablet clock running ahead cannot place operations in the future.
/// </summary>
public sealed record OperationContext
{
    /// <summary>The id of the transaction this operation creates; the card refuses to reuse one.</summary>
    public required Guid TransactionId { get; init; }

    /// <summary>The server's time when it received the operation.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The tablet's time of the operation, when it sent one.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The store's time zone: daily caps count local days in it.</summary>
    public TimeZoneInfo StoreTimeZone { get; init; } = TimeZoneInfo.Utc;

    public string? StoreId { get; init; }

    public string? DeviceId { get; init; }

    public string? PinId { get; init; }

    public string? IdempotencyKey { get; init; }

    public DateTimeOffset EffectiveAt => OccurredAt is { } occurred && occurred < RecordedAt ? occurred : RecordedAt;

    /// <summary>A context for operations the platform performs itself (expiry, reminders): no store, device or PIN.</summary>
    public static OperationContext ForSystem(Guid transactionId, DateTimeOffset now) =>
        new() { TransactionId = transactionId, RecordedAt = now };
}
