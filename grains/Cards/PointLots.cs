namespace Loyalty.Grains.Cards;

/// <summary>Lot arithmetic: lots are kept ordered by when they were earned, and spending takes the oldest first.</summary>
internal static class PointLots
{
    public static IReadOnlyList<PointLot> Add(IReadOnlyList<PointLot> lots, PointLot lot)
    {
        // Offline earns can arrive after later ones: insert by EarnedAt, after lots earned at the same instant.
        var index = 0;
        while (index < lots.Count && lots[index].EarnedAt <= lot.EarnedAt)
            index++;
        var result = lots.ToList();
        result.Insert(index, lot);
        return result;
    }

    /// <summary>Takes <paramref name="points"/> oldest first; the caller has checked the balance.</summary>
    public static (IReadOnlyList<PointLot> Lots, IReadOnlyList<LotDraw> Draws) Spend(IReadOnlyList<PointLot> lots, long points)
    {
        var remaining = points;
        var kept = new List<PointLot>(lots.Count);
        var draws = new List<LotDraw>();
        foreach (var lot in lots)
        {
            var take = Math.Min(remaining, lot.Points);
            remaining -= take;
            if (take > 0)
                draws.Add(new LotDraw(lot.TransactionId, lot.EarnedAt, take));
            if (lot.Points - take > 0)
                kept.Add(lot with { Points = lot.Points - take });
        }

        if (remaining > 0)
            throw new InvalidOperationException("Spent more points than the lots hold.");
        return (kept, draws);
    }

    /// <summary>Removes <paramref name="points"/> from the lot of <paramref name="transactionId"/> first, the rest oldest first.</summary>
    public static IReadOnlyList<PointLot> Remove(IReadOnlyList<PointLot> lots, Guid transactionId, long points)
    {
        var own = lots.FirstOrDefault(lot => lot.TransactionId == transactionId);
        var fromOwn = Math.Min(own?.Points ?? 0, points);
        var rest = lots.Where(lot => lot != own).ToList();
        if (own is not null && own.Points > fromOwn)
            rest = Add(rest, own with { Points = own.Points - fromOwn }).ToList();
        return Spend(rest, points - fromOwn).Lots;
    }

    /// <summary>Puts drawn points back into their lots, keeping their original earn times (and so their expiry).</summary>
    public static IReadOnlyList<PointLot> Restore(IReadOnlyList<PointLot> lots, IReadOnlyList<LotDraw> draws)
    {
        var result = lots;
        foreach (var draw in draws)
        {
            var existing = result.FirstOrDefault(lot => lot.TransactionId == draw.LotTransactionId);
            result = existing is null
                ? Add(result, new PointLot(draw.LotTransactionId, draw.EarnedAt, draw.Points))
                : result.Select(lot => lot == existing ? lot with { Points = lot.Points + draw.Points } : lot).ToList();
        }

        return result;
    }
}
