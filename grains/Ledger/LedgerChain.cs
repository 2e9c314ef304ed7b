using Loyalty.Grains.Cards;
using Loyalty.Grains.Hashing;

namespace Loyalty.Grains.Ledger;

/// <summary>Turns the facts that card rules return into sealed, chained ledger entries.</summary>
public static class LedgerChain
{
    /// <summary>The entry for <paramref name="fact"/> placed after <paramref name="head"/> (use <see cref="LedgerHead.Genesis"/> for a new card).</summary>
    public static LedgerEntry Append(LedgerHead head, LedgerFact fact, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(context);
        if (fact.TransactionId != context.TransactionId)
            throw new ArgumentException("The fact belongs to another operation than the context.", nameof(fact));

        var unsealed = new LedgerEntry
        {
            TransactionId = fact.TransactionId,
            CardNumber = fact.CardNumber,
            Sequence = head.Sequence + 1,
            Kind = fact.Kind,
            Reason = fact.Reason,
            StampsDelta = fact.StampsDelta,
            RewardsDelta = fact.RewardsDelta,
            PointsDelta = fact.PointsDelta,
            StampsAfter = fact.StampsAfter,
            RewardsAvailableAfter = fact.RewardsAvailableAfter,
            PointsAfter = fact.PointsAfter,
            VoidedTransactionId = fact.VoidedTransactionId,
            StoreId = context.StoreId,
            DeviceId = context.DeviceId,
            PinId = context.PinId,
            IdempotencyKey = context.IdempotencyKey,
            OccurredAt = CanonicalTime.Normalize(context.OccurredAt ?? context.RecordedAt),
            RecordedAt = CanonicalTime.Normalize(context.RecordedAt),
            PreviousHash = head.Hash,
            Hash = string.Empty,
        };
        return unsealed with { Hash = LedgerHasher.ComputeHash(unsealed) };
    }
}
