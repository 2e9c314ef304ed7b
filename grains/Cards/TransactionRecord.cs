using System.Text.Json.Serialization;
using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>
/// What the card remembers of a recent transaction so it can be voided exactly once: its deltas, the part of its
/// points that counted toward lifetime points, and the lots its spending drew from. A card persists its last 200 of
/// these with every write.
/// </summary>
public sealed record TransactionRecord
{
    public required Guid TransactionId { get; init; }

    public required LedgerKind Kind { get; init; }

    public int StampsDelta { get; init; }

    public int RewardsDelta { get; init; }

    public long PointsDelta { get; init; }

    public long LifetimePointsDelta { get; init; }

    public IReadOnlyList<LotDraw> Draws { get; init; } = [];

    public bool Voided { get; init; }

    [JsonIgnore]
    public bool IsVoidable => Kind is LedgerKind.Stamp or LedgerKind.StampRedemption or LedgerKind.Points
        or LedgerKind.PointRedemption or LedgerKind.WelcomeBonus or LedgerKind.Adjustment;
}
