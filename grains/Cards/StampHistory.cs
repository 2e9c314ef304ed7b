namespace Loyalty.Grains.Cards;

/// <summary>
/// Keeps the recent stamps bounded: the cooldown needs the stamps within the cooldown, the daily cap those of the
/// current local day, which two days always cover (a local day lasts at most 25 hours, offsets are within ±14 hours).
/// A record stays while either of its times (happened, received) is inside that window of the newest receipt.
/// </summary>
internal static class StampHistory
{
    public const int MaxRecords = 256;
    private static readonly TimeSpan DailyCapWindow = TimeSpan.FromDays(2);

    /// <summary>
    /// <paramref name="recent"/> (ordered by <see cref="StampRecord.At"/>, as this returns it) with
    /// <paramref name="added"/> placed after every record at the same time or earlier, less what fell out of the window,
    /// at most <see cref="MaxRecords"/> (the oldest go first). One copy: a hot card records hundreds of stamps a day,
    /// so no sort and no intermediate lists.
    /// </summary>
    public static IReadOnlyList<StampRecord> Record(IReadOnlyList<StampRecord> recent, StampRecord added, TimeSpan cooldown)
    {
        var insertAt = recent.Count;
        while (insertAt > 0 && recent[insertAt - 1].At > added.At)
            insertAt--;
        var newest = added.Received;
        for (var i = 0; i < recent.Count; i++)
        {
            if (recent[i].Received > newest)
                newest = recent[i].Received;
        }

        var cutoff = newest - (cooldown > DailyCapWindow ? cooldown : DailyCapWindow);
        var total = recent.Count + 1;
        var inWindow = 0;
        for (var i = 0; i < total; i++)
        {
            if (At(recent, added, insertAt, i).Received > cutoff)
                inWindow++;
        }

        var skip = Math.Max(0, inWindow - MaxRecords);
        var kept = new StampRecord[inWindow - skip];
        for (int i = 0, k = 0; i < total; i++)
        {
            var record = At(recent, added, insertAt, i);
            if (record.Received <= cutoff)
                continue;
            if (skip > 0)
                skip--;
            else
                kept[k++] = record;
        }

        return kept;
    }

    /// <summary>Record <paramref name="index"/> of the list with <paramref name="added"/> inserted.</summary>
    private static StampRecord At(IReadOnlyList<StampRecord> recent, StampRecord added, int insertAt, int index) =>
        index == insertAt ? added : recent[index < insertAt ? index : index - 1];
}
