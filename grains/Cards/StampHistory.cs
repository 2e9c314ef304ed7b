namespace Loyalty.Grains.Cards;

/// <summary>
/// Keeps the recent stamps bounded: the cooldown needs the stamps within the cooldown, the daily cap those of the
/// current local day, which two days always cover (a local day lasts at most 25 hours, offsets are within ±14 hours).
/// </summary>
internal static class StampHistory
{
    public const int MaxRecords = 256;
    private static readonly TimeSpan DailyCapWindow = TimeSpan.FromDays(2);

    public static IReadOnlyList<StampRecord> Record(IReadOnlyList<StampRecord> recent, StampRecord added, TimeSpan cooldown)
    {
        var all = recent.Append(added).OrderBy(record => record.At).ToList();
        var newest = all[^1].At;
        var window = cooldown > DailyCapWindow ? cooldown : DailyCapWindow;
        var kept = all.Where(record => record.At > newest - window).ToList();
        return kept.Count > MaxRecords ? kept[^MaxRecords..] : kept;
    }
}
