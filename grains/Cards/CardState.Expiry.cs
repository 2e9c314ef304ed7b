using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>
    /// Expires what the program's policy says is due at <see cref="OperationContext.RecordedAt"/> (the server's now):
    /// <see cref="PointExpiryMode.AfterEarning"/> expires every lot earned at least N days ago (a lot earned exactly
    /// N days ago expires); <see cref="PointExpiryMode.Inactivity"/> expires the whole balance once N days have passed
    /// since the last customer activity. Expiry does not lower lifetime points, so it never lowers the tier, and it
    /// cannot be voided (restore points with an adjustment). Also returns when the next expiry is due, for the card's
    /// reminder.
    /// </summary>
    public PointExpiryResult ExpirePoints(ProgramDefinition program, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        var now = context.RecordedAt;
        var policy = program.PointExpiry;
        var expiring = Lots.Where(lot => ExpiresAt(policy, lot) <= now).ToList();
        var expired = expiring.Sum(lot => lot.Points);
        if (expired == 0)
            return new PointExpiryResult(this, 0, null, NextExpiryDueAt(program));

        var next = (this with { Lots = Lots.Except(expiring).ToList() })
            .WithTransaction(new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.Expiry, PointsDelta = -expired });
        var why = policy.Mode == PointExpiryMode.AfterEarning
            ? $"earned {policy.Days} or more days ago"
            : $"no activity for {policy.Days} days";
        var fact = Commit(next, LedgerKind.Expiry, $"{expired} points expired: {why}", context).Fact;
        return new PointExpiryResult(next, expired, fact, next.NextExpiryDueAt(program));
    }

    /// <summary>When the next points expire under the program's policy; null when no points can expire.</summary>
    public DateTimeOffset? NextExpiryDueAt(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var policy = program.PointExpiry;
        return Lots.Select(lot => ExpiresAt(policy, lot)).Where(at => at is not null).Min();
    }

    /// <summary>
    /// Points that expire at or before <paramref name="now"/> + <paramref name="window"/> if nothing changes (for
    /// "points expiring" notices); for the inactivity policy, any activity pushes their expiry back.
    /// </summary>
    public ExpiringPoints PointsExpiringWithin(ProgramDefinition program, TimeSpan window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var horizon = now + window;
        var due = Lots.Select(lot => (lot.Points, At: ExpiresAt(program.PointExpiry, lot)))
            .Where(item => item.At <= horizon)
            .ToList();
        return due.Count == 0 ? ExpiringPoints.None : new ExpiringPoints(due.Sum(item => item.Points), due.Min(item => item.At));
    }

    /// <summary>The card's points by the time they expire if nothing changes, soonest first (for the customer portal).</summary>
    public IReadOnlyList<PointsExpiry> ExpirySchedule(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Lots.Select(lot => (lot.Points, At: ExpiresAt(program.PointExpiry, lot)))
            .Where(item => item.At is not null && item.Points > 0)
            .GroupBy(item => item.At!.Value)
            .OrderBy(group => group.Key)
            .Select(group => new PointsExpiry(group.Sum(item => item.Points), group.Key))
            .ToList();
    }

    private DateTimeOffset? ExpiresAt(PointExpiryPolicy policy, PointLot lot) => policy.Mode switch
    {
        PointExpiryMode.AfterEarning => lot.EarnedAt + policy.Period,
        PointExpiryMode.Inactivity => LastActivityAt + policy.Period,
        _ => null,
    };
}
