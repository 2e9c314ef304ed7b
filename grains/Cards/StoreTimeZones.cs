using System.Collections.Concurrent;

namespace Loyalty.Grains.Cards;

/// <summary>Resolves a store's IANA time zone id once; stores are validated at creation, so an unknown id falls back to UTC.</summary>
internal static class StoreTimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string? id) => string.IsNullOrWhiteSpace(id)
        ? TimeZoneInfo.Utc
        : Cache.GetOrAdd(id, static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? zone : TimeZoneInfo.Utc);
}
