namespace Loyalty.GrainInterfaces.Pins;

/// <summary>
/// A staff PIN as terminals get it: the bcrypt hash (for offline checks) and the lock, if any; and, for admins, the
/// consecutive failed attempts counting toward the lockout now (a passed lock counts as none).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.pins.PinDetails")]
public sealed record PinDetails(
    [Id(0)] Guid PinId,
    [Id(1)] Guid StoreId,
    [Id(2)] Guid MerchantId,
    [Id(3)] string Name,
    [Id(4)] string PinHash,
    [Id(5)] DateTimeOffset? LockedUntil,
    [Id(6)] DateTimeOffset CreatedAt)
{
    [Id(7)]
    public int FailedAttempts { get; init; }
}
