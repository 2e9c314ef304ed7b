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
    /// "day" is the local day in <see cref="OperationContext.StoreTimeZone"/>, the store's time zone.
    /// </summary>
    public CardOperationResult AddStamps(ProgramDefinition program, int count, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasStamps)
            return CardOperationResult.Refused(RuleViolation.Validation("kind", $"Program {program.Id} does not collect stamps."));
        if (count is < MinStampsPerOperation or > MaxStampsPerOperation)
            return CardOperationResult.Refused(RuleViolation.Validation("count", $"Must be between {MinStampsPerOperation} and {MaxStampsPerOperation}."));
        var at = context.EffectiveAt;
        var refusal = CheckActive() ?? CheckCooldown(program, at) ?? CheckDailyCap(program, count, at, context.StoreTimeZone);
        if (refusal is not null)
            return CardOperationResult.Refused(refusal);

        var next = AddStampUnits(program, count).Touch(at) with
        {
            RecentStamps = StampHistory.Record(RecentStamps, new StampRecord(at, count), program.StampCooldown),
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

    private RuleViolation? CheckCooldown(ProgramDefinition program, DateTimeOffset at)
    {
        var cooldown = program.StampCooldown;
        if (cooldown <= TimeSpan.Zero)
            return null;
        var blocking = RecentStamps.Where(record => (at - record.At).Duration() < cooldown).ToList();
        if (blocking.Count == 0)
            return null;
        var endsAt = blocking.Max(record => record.At) + cooldown;
        return new RuleViolation(ErrorCodes.CooldownActive, $"Stamp cooldown is active until {endsAt:O}.") { RetryAt = endsAt };
    }

    private RuleViolation? CheckDailyCap(ProgramDefinition program, int count, DateTimeOffset at, TimeZoneInfo timeZone)
    {
        if (program.MaxStampsPerCardPerDay is not { } cap)
            return null;
        var day = StoreCalendar.LocalDay(at, timeZone);
        var used = RecentStamps.Where(record => StoreCalendar.LocalDay(record.At, timeZone) == day).Sum(record => record.Count);
        if (used + count <= cap)
            return null;
        return new RuleViolation(ErrorCodes.DailyLimitReached,
            $"Card {CardNumber} already has {used} of {cap} stamps allowed on {day:yyyy-MM-dd}.")
        {
            RetryAt = StoreCalendar.StartOfNextDay(day, timeZone),
        };
    }
}
