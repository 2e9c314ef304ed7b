using System.Text.Json.Serialization;

namespace Loyalty.Grains.Ledger;

/// <summary>
/// One append-only ledger row of a card. <see cref="Hash"/> is SHA-256 over every other field, including
/// <see cref="PreviousHash"/>, so the entries of a card form a chain (see <see cref="LedgerHasher"/>).
/// Times are UTC with microsecond precision so they survive PostgreSQL <c>timestamptz</c> unchanged.
/// </summary>
public sealed record LedgerEntry
{
    public required Guid TransactionId { get; init; }

    public required string CardNumber { get; init; }

    /// <summary>1 for a card's first entry, then +1 per entry, without gaps.</summary>
    public required long Sequence { get; init; }

    public required LedgerKind Kind { get; init; }

    public required string Reason { get; init; }

    public int StampsDelta { get; init; }

    public int RewardsDelta { get; init; }

    public long PointsDelta { get; init; }

    public int StampsAfter { get; init; }

    public int RewardsAvailableAfter { get; init; }

    public long PointsAfter { get; init; }

    public Guid? VoidedTransactionId { get; init; }

    public string? StoreId { get; init; }

    public string? DeviceId { get; init; }

    public string? PinId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>When the operation happened, by the tablet's clock (the server's time when it sent none).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the server recorded it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    [JsonIgnore]
    public LedgerHead Head => new(Sequence, Hash);
}
