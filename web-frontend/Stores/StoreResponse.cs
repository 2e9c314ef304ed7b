using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Web.Stores;

/// <summary>A store; <c>description</c> is the one chosen for the requested locale, <c>descriptions</c> has them all.</summary>
public sealed record StoreResponse(
    Guid Id,
    Guid MerchantId,
    string Name,
    string Slug,
    string TimeZone,
    IReadOnlyDictionary<string, string> Descriptions,
    string? Description,
    string? DescriptionLocale,
    DateTimeOffset CreatedAt)
{
    public static StoreResponse From(StoreDetails store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new(store.Id, store.MerchantId, store.Name, store.Slug, store.TimeZone, store.Descriptions, store.Description, store.DescriptionLocale, store.CreatedAt);
    }
}
