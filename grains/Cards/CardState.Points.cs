using System.Globalization;
using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>
    /// Earns points for a purchase: floor(amountMinor × pointsPerCurrencyUnit / 10^exponent), see
    /// <see cref="PointsCalculator"/>. The amount must be positive and in the program's currency (else
    /// <c>validation</c>). The points form a new lot dated at the purchase; lifetime points and the tier follow.
    /// </summary>
    public CardOperationResult EarnPoints(ProgramDefinition program, long purchaseAmountMinor, string currency, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasPoints)
            return CardOperationResult.Refused(RuleViolation.Validation("kind", $"Program {program.Id} does not earn points."));
        var errors = new FieldErrors();
        if (purchaseAmountMinor is <= 0 or > PointsCalculator.MaxPurchaseAmountMinor)
            errors.Add("purchaseAmountMinor", $"Must be between 1 and {PointsCalculator.MaxPurchaseAmountMinor}.");
        var programCurrency = Currencies.Find(program.Currency)
            ?? throw new InvalidOperationException($"Program {program.Id} has no supported currency.");
        if (!string.Equals(currency?.Trim(), programCurrency.Code, StringComparison.OrdinalIgnoreCase))
            errors.Add("currency", $"The program earns points in {programCurrency.Code}, not '{currency}'.");
        if (!errors.IsEmpty)
            return CardOperationResult.Refused(RuleViolation.Validation(errors));
        if (CheckActive() is { } inactive)
            return CardOperationResult.Refused(inactive);

        var points = PointsCalculator.PointsFor(purchaseAmountMinor, program.PointsPerCurrencyUnit ?? 0, programCurrency);
        var amount = FormatAmount(purchaseAmountMinor, programCurrency);
        return Earn(program, points, LedgerKind.Points, $"{points} points for a purchase of {amount}", context);
    }

    /// <summary>
    /// Grants the program's welcome bonus once per card, as a lot like any other earn (it counts toward lifetime
    /// points and expires like them). Refused with <c>validation</c> when the program has no bonus or it was granted.
    /// </summary>
    public CardOperationResult GrantWelcomeBonus(ProgramDefinition program, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasPoints || program.WelcomeBonusPoints <= 0)
            return CardOperationResult.Refused(RuleViolation.Validation("welcomeBonusPoints", $"Program {program.Id} has no welcome bonus."));
        if (WelcomeBonusGranted)
            return CardOperationResult.Refused(RuleViolation.Validation("welcomeBonusPoints", $"Card {CardNumber} already received its welcome bonus."));
        if (CheckActive() is { } inactive)
            return CardOperationResult.Refused(inactive);
        var points = program.WelcomeBonusPoints;
        return (this with { WelcomeBonusGranted = true }).Earn(program, points, LedgerKind.WelcomeBonus, $"Welcome bonus of {points} points", context);
    }

    /// <summary>
    /// Redeems a catalogue reward: <c>reward-not-found</c> when the program has no such reward,
    /// <c>insufficient-points</c> when the balance is below its cost. Points are spent from the oldest lot first.
    /// </summary>
    public CardOperationResult RedeemPointsReward(ProgramDefinition program, string rewardId, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (!program.HasPoints)
            return CardOperationResult.Refused(RuleViolation.Validation("kind", $"Program {program.Id} does not earn points."));
        if (program.FindReward(rewardId) is not { } reward)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.RewardNotFound, $"Program {program.Id} has no reward '{rewardId}'."));
        if (CheckActive() is { } inactive)
            return CardOperationResult.Refused(inactive);
        if (PointsBalance < reward.PointsCost)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.InsufficientPoints,
                $"Reward '{reward.Name}' costs {reward.PointsCost} points; card {CardNumber} has {PointsBalance}."));

        var (lots, draws) = PointLots.Spend(Lots, reward.PointsCost);
        var next = (this with { Lots = lots }).Touch(context.EffectiveAt).WithTransaction(new TransactionRecord
        {
            TransactionId = context.TransactionId, Kind = LedgerKind.PointRedemption, PointsDelta = -reward.PointsCost, Draws = draws,
        });
        return Commit(next, LedgerKind.PointRedemption, $"Redeemed reward '{reward.Name}' for {reward.PointsCost} points", context);
    }

    private CardOperationResult Earn(ProgramDefinition program, long points, LedgerKind kind, string reason, OperationContext context)
    {
        if (CheckPointsRoom(points) is { } full)
            return CardOperationResult.Refused(full);
        var at = context.EffectiveAt;
        var lots = points > 0 ? PointLots.Add(Lots, new PointLot(context.TransactionId, at, points)) : Lots;
        var counted = LifetimeRoom(points);
        var lifetime = LifetimePoints + counted;
        var next = (this with { Lots = lots, LifetimePoints = lifetime, Tier = program.TierThresholds.TierFor(lifetime) })
            .Touch(at)
            .WithTransaction(new TransactionRecord
            {
                TransactionId = context.TransactionId, Kind = kind, PointsDelta = points, LifetimePointsDelta = counted,
            });
        return Commit(next, kind, reason, context);
    }

    private static string FormatAmount(long amountMinor, Currency currency)
    {
        var major = (decimal)amountMinor / currency.MinorUnitsPerMajorUnit;
        return string.Create(CultureInfo.InvariantCulture, $"{currency.Code} {major.ToString("F" + currency.MinorUnitExponent, CultureInfo.InvariantCulture)}");
    }
}
