namespace Loyalty.Web.Terminal.Requests;

/// <summary>One queued operation: its kind, its place in the device's sequence, and the fields of that operation.</summary>
public sealed record SyncOperation(
    string? Kind,
    long? DeviceSeq,
    string? CardNumber,
    int? Count,
    long? PurchaseAmountMinor,
    string? Currency,
    string? RewardId,
    Guid? ProgramId,
    string? Email,
    string? Name,
    string? Phone,
    DateOnly? Birthday,
    string? Locale,
    Guid? PinId,
    string? IdempotencyKey,
    DateTimeOffset? OccurredAt);
