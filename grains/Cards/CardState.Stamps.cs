using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    public const int MinStampsPerOperation = 1;
    public const int MaxStampsPerOperation = 10;

    /// <summary>
    /// Adds 1 to 10 stamps. Each time the stamps reach the program's target a reward becomes available and the
    /// extra stamps carry over (target 10: 9 + 3 gives 2 stamps and 1 reward). Refused with <c>cooldown-active</c>
    /// when another stamp operation lies less than the cooldown before or after this one (exactly the cooldown apart
    /// is allowed), and with <c>daily-limit-reached</c> when the card's stamps on this day would exceed the cap;
    /// "day" is the local day in <see cref="OperationContext.StoreTimeZone"/>, the store's time zone. Both rules hold
    /// for when the stamp happened and for when the server received it. <c>balance-limit-reached</c> past
    /// <see cref="CardLimits.MaxRewardsAvailable"/>.
    /// </summary>
    public CardOperationResult AddStamps(ProgramDefinition program, int count, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasStamps)
            return CardOperationResult.Refused(RuleViolation.Validation("kind", $"Program {program.Id} does not collect stamps."));
        if (count is < MinStampsPerOperation or > MaxStampsPerOperation)
            return CardOperationResult.Refused(RuleViolation.Validation("count", $"Must be between {MinStampsPerOperation} and {MaxStampsPerOperation}."));
        var stamp = StampRecord.Of(context, count);
        var refusal = CheckActive() ?? CheckCooldown(program, stamp) ?? CheckDailyCap(program, stamp, context.StoreTimeZone)
            ?? CheckRewardsRoom(program, count);
        if (refusal is not null)
            return CardOperationResult.Refused(refusal);

        var next = AddStampUnits(program, count).Touch(stamp.At) with
        {
            RecentStamps = StampHistory.Record(RecentStamps, stamp, program.StampCooldown),
        };
        var gained = next.RewardsAvailable - RewardsAvailable;
        next = next.WithTransaction(new TransactionRecord
        {
            TransactionId = context.TransactionId, Kind = LedgerKind.Stamp, StampsDelta = count, RewardsDelta = gained,
        });
        var reason = gained > 0 ? $"{count} stamp(s) added; {gained} reward(s) earned" : $"{count} stamp(s) added";
        return Commit(next, LedgerKind.Stamp, reason, context, stampsDelta: count);
    }

    /// <summary>Uses one available stamp reward; <c>insufficient-stamps</c> when none is available.</summary>
    public CardOperationResult RedeemStampReward(ProgramDefinition program, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasStamps)
            return CardOperationResult.Refused(RuleViolation.Validation("kind", $"Program {program.Id} does not collect stamps."));
        if (CheckActive() is { } inactive)
            return CardOperationResult.Refused(inactive);
        if (RewardsAvailable == 0)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.InsufficientStamps,
                $"Card {CardNumber} has no stamp reward available ({Stamps} of {program.StampsRequired} stamps)."));

        var next = (this with { RewardsAvailable = RewardsAvailable - 1 }).Touch(context.EffectiveAt)
            .WithTransaction(new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.StampRedemption, RewardsDelta = -1 });
        return Commit(next, LedgerKind.StampRedemption, $"Redeemed stamp reward '{program.StampRewardName}'", context);
    }

    /// <summary>Adds stamps with carry-over into rewards.</summary>
    private CardState AddStampUnits(ProgramDefinition program, int count)
    {
        var target = StampTarget(program);
        var total = Stamps + count;
        return this with { Stamps = total % target, RewardsAvailable = RewardsAvailable + total / target };
    }

    private static int StampTarget(ProgramDefinition program) =>
        program.StampsRequired is > 0 and var target ? target : throw new InvalidOperationException($"Program {program.Id} has no stamp target.");

    // Both times count: a stamp queued offline is judged by when it happened and by when it arrived, so a backdated
    // occurredAt cannot space out stamps that reach the server together.
    private RuleViolation? CheckCooldown(ProgramDefinition program, StampRecord stamp)
    {
        var cooldown = program.StampCooldown;
        if (cooldown <= TimeSpan.Zero)
            return null;
        DateTimeOffset? endsAt = null;
        foreach (var record in RecentStamps)
        {
            var end = (stamp.At - record.At).Duration() < cooldown ? record.At + cooldown
                : (stamp.Received - record.Received).Duration() < cooldown ? record.Received + cooldown
                : (DateTimeOffset?)null;
            if (end is { } e && (endsAt is null || e > endsAt))
                endsAt = e;
        }

        return endsAt is { } until
            ? new RuleViolation(ErrorCodes.CooldownActive, $"Stamp cooldown is active until {until:O}.") { RetryAt = until }
            : null;
    }

    private RuleViolation? CheckDailyCap(ProgramDefinition program, StampRecord stamp, TimeZoneInfo timeZone)
    {
        if (program.MaxStampsPerCardPerDay is not { } cap)
            return null;
        return CheckDay(cap, stamp.Count, StoreCalendar.LocalDay(stamp.At, timeZone), record => record.At, timeZone)
            ?? CheckDay(cap, stamp.Count, StoreCalendar.LocalDay(stamp.Received, timeZone), record => record.Received, timeZone);
    }

    private RuleViolation? CheckDay(int cap, int count, DateOnly day, Func<StampRecord, DateTimeOffset> time, TimeZoneInfo timeZone)
    {
        var used = RecentStamps.Where(record => StoreCalendar.LocalDay(time(record), timeZone) == day).Sum(record => record.Count);
        if (used + count <= cap)
            return null;
        return new RuleViolation(ErrorCodes.DailyLimitReached,
            $"Card {CardNumber} already has {used} of {cap} stamps allowed on {day:yyyy-MM-dd}.")
        {
            RetryAt = StoreCalendar.StartOfNextDay(day, timeZone),
        };
    }
}
