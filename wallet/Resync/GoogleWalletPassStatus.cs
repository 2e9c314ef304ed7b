namespace Loyalty.Wallet.Resync;

/// <summary>A pass as admins and tests see it: whether it is in step with its card, and its last failure.</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.wallet.GoogleWalletPassStatus")]
public sealed record GoogleWalletPassStatus(
    [property: Id(0)] string CardNumber,
    [property: Id(1)] string ObjectId,
    [property: Id(2)] bool Inserted,
    [property: Id(3)] bool Pending,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset? NextAttemptAt,
    [property: Id(7)] DateTimeOffset? SyncedAt,
    [property: Id(8)] int NotificationsInWindow);
