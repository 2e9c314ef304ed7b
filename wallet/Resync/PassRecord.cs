using Loyalty.Wallet.Passes;

namespace Loyalty.Wallet.Resync;

/// <summary>A row of <c>google_wallet_passes</c>: the pass grain's state.</summary>
public sealed record PassRecord(
    string CardNumber,
    Guid MerchantId,
    string ObjectId,
    bool Inserted,
    bool Pending,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SyncedAt,
    PassSnapshot? Snapshot,
    IReadOnlyList<DateTimeOffset> NotifiedAt,
    long Version);
