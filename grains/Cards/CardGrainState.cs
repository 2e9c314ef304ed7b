using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>What a card grain persists: the card, its ledger head and its most recent idempotency records.</summary>
public sealed record CardGrainState
{
    /// <summary>
    /// How many recent idempotency keys the state keeps, to recognise a retry without a database read; older keys (and
    /// keys used on other cards) are caught by the primary key of <c>idempotency_keys</c>.
    /// </summary>
    public const int RecentKeyCapacity = 64;

    public CardState? Card { get; init; }

    public Guid MerchantId { get; init; }

    public LedgerHead Head { get; init; } = LedgerHead.Genesis;

    public IReadOnlyList<RecentKey> RecentKeys { get; init; } = [];

    /// <summary>When the point-expiry reminder is due, or null when none is registered.</summary>
    public DateTimeOffset? ExpiryReminderDue { get; init; }

    /// <summary>The expiry time a "points expiring" notice went out for, so each expiry is announced once.</summary>
    public DateTimeOffset? ExpiryNoticeFor { get; init; }

    public RecentKey? FindKey(string key) => RecentKeys.FirstOrDefault(r => r.Key == key);

    public CardGrainState Remember(IdempotencyRecord record) => this with
    {
        RecentKeys = [.. RecentKeys.Skip(Math.Max(0, RecentKeys.Count - RecentKeyCapacity + 1)), new RecentKey(record.Key, record.Fingerprint)],
    };
}
