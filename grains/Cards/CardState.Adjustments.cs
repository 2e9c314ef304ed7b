using Loyalty.Grains.Ledger;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Cards;

public sealed partial record CardState
{
    /// <summary>
    /// A manual correction by staff or an admin: signed stamps and/or points with a mandatory reason. Added stamps
    /// carry over into rewards like any stamps; removed stamps come only from the stamps toward the next reward
    /// (never from an available reward). Nothing goes below zero (<c>insufficient-stamps</c>, <c>insufficient-points</c>).
    /// Added points form a lot dated now; removed points are spent oldest first. Adjustments do not count toward
    /// lifetime points (so they never change the tier) and are not customer activity. Allowed on inactive cards.
    /// </summary>
    public CardOperationResult Adjust(ProgramDefinition program, int stampsDelta, long pointsDelta, string reason, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reason))
            errors.Add("reason", "Say why the balance is adjusted.");
        if (stampsDelta == 0 && pointsDelta == 0)
            errors.Add("stampsDelta", "Adjust stamps, points or both.");
        if (stampsDelta != 0 && !program.HasStamps)
            errors.Add("stampsDelta", $"Program {program.Id} does not collect stamps.");
        if (stampsDelta is < -10_000 or > 10_000)
            errors.Add("stampsDelta", "Must be between -10000 and 10000.");
        if (pointsDelta != 0 && !program.HasPoints)
            errors.Add("pointsDelta", $"Program {program.Id} does not earn points.");
        if (pointsDelta is < -CardLimits.MaxPoints or > CardLimits.MaxPoints)
            errors.Add("pointsDelta", $"Must be between -{CardLimits.MaxPoints} and {CardLimits.MaxPoints}.");
        if (!errors.IsEmpty)
            return CardOperationResult.Refused(RuleViolation.Validation(errors));
        if (Stamps + stampsDelta < 0)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.InsufficientStamps,
                $"Card {CardNumber} has {Stamps} stamps toward the next reward; cannot remove {-stampsDelta}."));
        if (PointsBalance + pointsDelta < 0)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.InsufficientPoints,
                $"Card {CardNumber} has {PointsBalance} points; cannot remove {-pointsDelta}."));
        var full = (stampsDelta > 0 ? CheckRewardsRoom(program, stampsDelta) : null) ?? (pointsDelta > 0 ? CheckPointsRoom(pointsDelta) : null);
        if (full is not null)
            return CardOperationResult.Refused(full);

        var next = stampsDelta > 0 ? AddStampUnits(program, stampsDelta) : this with { Stamps = Stamps + stampsDelta };
        IReadOnlyList<LotDraw> draws = [];
        if (pointsDelta > 0)
            next = next with { Lots = PointLots.Add(Lots, new PointLot(context.TransactionId, context.EffectiveAt, pointsDelta)) };
        else if (pointsDelta < 0)
            (next, draws) = SpendFrom(next, -pointsDelta);

        next = next.WithTransaction(new TransactionRecord
        {
            TransactionId = context.TransactionId, Kind = LedgerKind.Adjustment, StampsDelta = stampsDelta,
            RewardsDelta = next.RewardsAvailable - RewardsAvailable, PointsDelta = pointsDelta, Draws = draws,
        });
        return Commit(next, LedgerKind.Adjustment, $"Adjustment: {reason.Trim()}", context, stampsDelta: stampsDelta);
    }

    /// <summary>
    /// Reverses a transaction's deltas, once (<c>transaction-already-voided</c> the second time). Stamps, stamp
    /// redemptions, points, point redemptions, welcome bonuses and adjustments can be voided; voids, expiries,
    /// enrolments and status changes cannot (<c>transaction-not-voidable</c>). Only the last
    /// <see cref="MaxTransactionRecords"/> transactions are remembered (<c>transaction-not-found</c> beyond).
    /// A void that would make a balance negative, because the stamps, rewards or points it would take back were already
    /// spent, is refused with <c>void-insufficient-balance</c>. Voided stamps are taken back from the total
    /// (rewards × target + stamps), so the rewards they completed are taken back too; voided earned points leave the
    /// earn's own lot first and lower lifetime points (and possibly the tier); spent points return to their original lots.
    /// </summary>
    public CardOperationResult Void(ProgramDefinition program, Guid transactionId, string reason, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(program);
        EnsureNewTransaction(context);
        if (string.IsNullOrWhiteSpace(reason))
            return CardOperationResult.Refused(RuleViolation.Validation("reason", "Say why the transaction is voided."));
        var record = Transactions.FirstOrDefault(candidate => candidate.TransactionId == transactionId);
        if (record is null)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.TransactionNotFound, $"Card {CardNumber} has no voidable transaction {transactionId}."));
        if (record.Voided)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.TransactionAlreadyVoided, $"Transaction {transactionId} was already voided."));
        if (!record.IsVoidable)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.TransactionNotVoidable, $"A {record.Kind} transaction cannot be voided."));
        if (Reverse(program, record) is not { } reversed)
            return CardOperationResult.Refused(new RuleViolation(ErrorCodes.VoidInsufficientBalance,
                $"Voiding transaction {transactionId} would make a balance negative: its stamps, rewards or points were already used."));

        var next = reversed with
        {
            Transactions = reversed.Transactions.Select(candidate => candidate == record ? candidate with { Voided = true } : candidate).ToList(),
        };
        next = next.WithTransaction(new TransactionRecord { TransactionId = context.TransactionId, Kind = LedgerKind.Void });
        return Commit(next, LedgerKind.Void, $"Void of {record.Kind} transaction {transactionId}: {reason.Trim()}", context,
            stampsDelta: -record.StampsDelta, voided: transactionId);
    }

    /// <summary>This state without the effects of <paramref name="record"/>; null when a balance would go negative.</summary>
    private CardState? Reverse(ProgramDefinition program, TransactionRecord record)
    {
        var next = this;
        if (record.Kind == LedgerKind.StampRedemption)
            next = next with { RewardsAvailable = RewardsAvailable - record.RewardsDelta };
        else if (record.StampsDelta < 0)
            next = next.AddStampUnits(program, -record.StampsDelta);
        else if (record.StampsDelta > 0)
        {
            var target = StampTarget(program);
            var total = (long)RewardsAvailable * target + Stamps - record.StampsDelta;
            if (total < 0)
                return null;
            next = next with { Stamps = (int)(total % target), RewardsAvailable = (int)(total / target) };
        }

        if (record.PointsDelta > 0)
        {
            if (PointsBalance < record.PointsDelta)
                return null;
            var lifetime = LifetimePoints - record.LifetimePointsDelta;
            next = next with
            {
                Lots = PointLots.Remove(Lots, record.TransactionId, record.PointsDelta),
                LifetimePoints = lifetime,
                Tier = program.TierThresholds.TierFor(lifetime),
            };
        }
        else if (record.PointsDelta < 0)
            next = next with { Lots = PointLots.Restore(Lots, record.Draws) };

        return next;
    }

    private static (CardState State, IReadOnlyList<LotDraw> Draws) SpendFrom(CardState state, long points)
    {
        var (lots, draws) = PointLots.Spend(state.Lots, points);
        return (state with { Lots = lots }, draws);
    }
}
