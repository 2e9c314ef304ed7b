using Loyalty.Grains.Ledger;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Grains.Cards;

/// <summary>
/// What a card grain persists: the card, its ledger head and its most recent idempotency records. Stored in the card's
/// row of <c>cards</c>, whose read-model columns are written from it in the same statement (ADR 0010): one row per
/// operation for both, and an admin list can never show a card other than its state. Stored as a snapshot plus the
/// changes since (ADR 0012): a stamp's change is ~380 bytes, so a card takes a snapshot about every fourth operation;
/// at 1.5 KB rather than 1 KB of changes, WAL per stamp was 11-16 % lower (docs/performance.md, fifth round), and the
/// row stays under the ~2 KB at which PostgreSQL starts compressing it.
/// </summary>
[StateTable("cards", "card_number", SnapshotTable = "card_snapshots", MaxChangeBytes = 1536)]
public sealed record CardGrainState : IStateColumns
{
    /// <summary>
    /// How many recent idempotency keys the state keeps, to recognise a retry before writing: a remembered key is
    /// answered from its stored first answer. Older keys (and keys used on other cards) are caught by the primary key of
    /// <c>idempotency_keys</c>, which fails the write and costs the activation a reload.
    /// </summary>
    public const int RecentKeyCapacity = 64;

    public CardState? Card { get; init; }

    public Guid MerchantId { get; init; }

    public LedgerHead Head { get; init; } = LedgerHead.Genesis;

    /// <summary>
    /// The keys only, oldest first: whether a retry repeats its first request is decided against the stored record,
    /// which a retry reads anyway.
    /// </summary>
    public IReadOnlyList<RecentKey> RecentKeys { get; init; } = [];

    /// <summary>When the point-expiry reminder is due, or null when none is registered.</summary>
    public DateTimeOffset? ExpiryReminderDue { get; init; }

    /// <summary>The expiry time a "points expiring" notice went out for, so each expiry is announced once.</summary>
    public DateTimeOffset? ExpiryNoticeFor { get; init; }

    /// <summary>The read-model columns; a card grain writes its state only once it holds a card.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> StateColumns() =>
        Card is { } card
            ? CardRows.ReadModel(card, MerchantId, Head)
            : throw new InvalidOperationException("A card grain's state is written only once it holds a card.");

    public bool Remembers(string key)
    {
        for (var i = RecentKeys.Count - 1; i >= 0; i--)
        {
            if (string.Equals(RecentKeys[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>This state with <paramref name="key"/> remembered, and the oldest key it forgot to make room, if any.</summary>
    public (CardGrainState State, string? Forgotten) Remember(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var kept = Math.Min(RecentKeys.Count, RecentKeyCapacity - 1);
        var keys = new RecentKey[kept + 1];
        for (var i = 0; i < kept; i++)
        {
            keys[i] = RecentKeys[RecentKeys.Count - kept + i];
        }

        keys[kept] = new RecentKey(key);
        return (this with { RecentKeys = keys }, kept < RecentKeys.Count ? RecentKeys[RecentKeys.Count - kept - 1].Key : null);
    }
}
