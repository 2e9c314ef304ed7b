using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Cards;

/// <summary>
/// What a card grain persists: the card, its ledger head and its most recent idempotency keys. Stored as readable JSON
/// in the card's row of <c>cards</c>, whose read-model columns are written from it in the same statement (ADR 0010),
/// so an admin list can never show a card other than its state.
/// </summary>
public sealed record CardGrainState
{
    /// <summary>
    /// How many recent idempotency keys the state keeps, to recognise a retry before writing: a remembered key is
    /// answered from its stored first answer. Older keys (and keys used on other cards) are caught by the primary key of
    /// <c>idempotency_keys</c>, which fails that card's write alone; the card then answers from the stored record.
    /// </summary>
    public const int RecentKeyCapacity = 64;

    public CardState? Card { get; init; }

    public Guid MerchantId { get; init; }

    public LedgerHead Head { get; init; } = LedgerHead.Genesis;

    /// <summary>The keys only, oldest first: whether a retry repeats its first request is decided against the stored record.</summary>
    public IReadOnlyList<string> RecentKeys { get; init; } = [];

    /// <summary>When the point-expiry reminder is due, or null when none is registered.</summary>
    public DateTimeOffset? ExpiryReminderDue { get; init; }

    /// <summary>The expiry time a "points expiring" notice went out for, so each expiry is announced once.</summary>
    public DateTimeOffset? ExpiryNoticeFor { get; init; }

    public bool Remembers(string key)
    {
        for (var i = RecentKeys.Count - 1; i >= 0; i--)
        {
            if (string.Equals(RecentKeys[i], key, StringComparison.Ordinal))
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
        var keys = new string[kept + 1];
        for (var i = 0; i < kept; i++)
        {
            keys[i] = RecentKeys[RecentKeys.Count - kept + i];
        }

        keys[kept] = key;
        return (this with { RecentKeys = keys }, kept < RecentKeys.Count ? RecentKeys[RecentKeys.Count - kept - 1] : null);
    }
}
