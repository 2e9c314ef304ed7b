using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>What a card grain persists: the card, its ledger head and its most recent idempotency records.</summary>
public sealed record CardGrainState
{
    /// <summary>How many recent idempotency records the state keeps; older keys are found in <c>idempotency_keys</c>.</summary>
    public const int RecentKeyCapacity = 256;

    public CardState? Card { get; init; }

    public Guid MerchantId { get; init; }

    public LedgerHead Head { get; init; } = LedgerHead.Genesis;

    public IReadOnlyList<IdempotencyRecord> RecentKeys { get; init; } = [];

    /// <summary>When the point-expiry reminder is due, or null when none is registered.</summary>
    public DateTimeOffset? ExpiryReminderDue { get; init; }

    /// <summary>The expiry time a "points expiring" notice went out for, so each expiry is announced once.</summary>
    public DateTimeOffset? ExpiryNoticeFor { get; init; }

    public IdempotencyRecord? FindKey(string key) => RecentKeys.FirstOrDefault(r => r.Key == key);

    public CardGrainState Remember(IdempotencyRecord record) => this with
    {
        RecentKeys = [.. RecentKeys.Skip(Math.Max(0, RecentKeys.Count - RecentKeyCapacity + 1)), record],
    };
}
