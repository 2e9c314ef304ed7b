namespace Loyalty.GrainInterfaces.Stores;

/// <summary>A store as its grain reports it, with the description resolved for the requested locale.</summary>
/// <param name="Id">The store id (the grain key).</param>
/// <param name="MerchantId">The merchant the store belongs to.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL name, unique within the merchant.</param>
/// <param name="TimeZone">IANA time zone id.</param>
/// <param name="Descriptions">Every description, by locale.</param>
/// <param name="Description">The description chosen for the requested locale (see <see cref="StoreDescriptions"/>), or null when there is none.</param>
/// <param name="DescriptionLocale">The locale <paramref name="Description"/> is in.</param>
/// <param name="CreatedAt">When the store was created.</param>
[GenerateSerializer]
[Alias("loyalty.stores.StoreDetails")]
public sealed record StoreDetails(
    [Id(0)] Guid Id,
    [Id(1)] Guid MerchantId,
    [Id(2)] string Name,
    [Id(3)] string Slug,
    [Id(4)] string TimeZone,
    [Id(5)] IReadOnlyDictionary<string, string> Descriptions,
    [Id(6)] string? Description,
    [Id(7)] string? DescriptionLocale,
    [Id(8)] DateTimeOffset CreatedAt);
