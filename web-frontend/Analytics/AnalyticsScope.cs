namespace Loyalty.Web.Analytics;

/// <summary>
/// The filters offered for one merchant: its stores and programs by name, and <paramref name="MerchantTimeZone"/>, the
/// time zone of its first store (merchants have no time zone of their own; UTC for a merchant without stores).
/// </summary>
public sealed record AnalyticsScope(IReadOnlyList<AnalyticsChoice> Stores, IReadOnlyList<AnalyticsChoice> Programs, string MerchantTimeZone)
{
    /// <summary>The time zone days are counted in: the chosen store's, else the merchant's.</summary>
    public TimeZoneInfo TimeZoneFor(Guid? storeId)
    {
        var name = storeId is { } id ? Stores.FirstOrDefault(s => s.Id == id)?.TimeZone ?? MerchantTimeZone : MerchantTimeZone;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
