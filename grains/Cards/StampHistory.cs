namespace Loyalty.Grains.Cards;

/// <summary>
/// Keeps the recent stamps bounded: the cooldown needs the stamps within the cooldown, the daily cap those of the
/// current local day, which two days always cover (a local day lasts at most 25 hours, offsets are within ±14 hours).
/// </summary>
internal static class StampHistory
{
    public const int MaxRecords = 256;
    private static readonly TimeSpan DailyCapWindow = TimeSpan.FromDays(2);

    /// <summary>
    /// <paramref name="recent"/> (ordered by time, as this returns it) with <paramref name="added"/> placed after every
    /// record at the same time or earlier, less what fell out of the window, at most <see cref="MaxRecords"/>. One copy:
    /// a hot card records hundreds of stamps a day, so no sort and no intermediate lists.
    /// </summary>
    public static IReadOnlyList<StampRecord> Record(IReadOnlyList<StampRecord> recent, StampRecord added, TimeSpan cooldown)
    {
        var insertAt = recent.Count;
        while (insertAt > 0 && recent[insertAt - 1].At > added.At)
            insertAt--;
        var newest = insertAt == recent.Count ? added.At : recent[^1].At;
        var window = cooldown > DailyCapWindow ? cooldown : DailyCapWindow;
        var total = recent.Count + 1;
        var first = Math.Max(0, total - MaxRecords);
        while (first < total && At(recent, added, insertAt, first) <= newest - window)
            first++;

        var kept = new StampRecord[total - first];
        for (var i = first; i < total; i++)
            kept[i - first] = i == insertAt ? added : recent[i < insertAt ? i : i - 1];
        return kept;
    }

    /// <summary>The time of record <paramref name="index"/> of the list with <paramref name="added"/> inserted.</summary>
    private static DateTimeOffset At(IReadOnlyList<StampRecord> recent, StampRecord added, int insertAt, int index) =>
        index == insertAt ? added.At : recent[index < insertAt ? index : index - 1].At;
}
