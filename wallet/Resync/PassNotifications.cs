using Loyalty.Wallet.Passes;

namespace Loyalty.Wallet.Resync;

/// <summary>
/// Which updates notify, and the per-pass budget (Google: 3 notifying updates per pass per 24 hours; a further one is
/// refused, so it goes out silent instead). Pure code.
/// </summary>
public static class PassNotifications
{
    /// <summary>How long before points expire the pass shows them and notifies once (as the card's e-mail notice does).</summary>
    public static readonly TimeSpan ExpiringLead = TimeSpan.FromDays(14);

    /// <summary>Why the change from <paramref name="before"/> to <paramref name="after"/> deserves a notification, if it does.</summary>
    public static NotifyReason ReasonFor(PassSnapshot? before, PassSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null || !after.Active)
        {
            // The first version of a pass is what the customer just saved; a closed card needs no nudge.
            return NotifyReason.None;
        }

        if (after.RewardsReady > before.RewardsReady)
        {
            return NotifyReason.RewardReady;
        }

        if (!string.Equals(after.Tier, before.Tier, StringComparison.Ordinal))
        {
            return NotifyReason.TierChanged;
        }

        return after.ExpiringSoon is { } expiring && expiring != before.ExpiringSoon ? NotifyReason.PointsExpiring : NotifyReason.None;
    }

    /// <summary>The notifications sent within <paramref name="window"/> before <paramref name="now"/>: what still counts.</summary>
    public static IReadOnlyList<DateTimeOffset> Recent(IEnumerable<DateTimeOffset> sent, DateTimeOffset now, TimeSpan window) =>
        [.. sent.Where(at => now - at < window).Order()];

    /// <summary>Whether one more notifying update fits the budget.</summary>
    public static bool Allowed(IEnumerable<DateTimeOffset> sent, DateTimeOffset now, TimeSpan window, int limit) =>
        Recent(sent, now, window).Count < limit;
}
