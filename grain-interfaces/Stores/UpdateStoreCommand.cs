namespace Loyalty.GrainInterfaces.Stores;

/// <summary>
/// Changes a store's name, time zone and descriptions; its slug stays (it is the store's URL name). Values are as the
/// client sent them; the grain validates every field like <see cref="CreateStoreCommand"/>'s.
/// </summary>
/// <param name="MerchantId">The merchant the caller acts for; a store of another merchant answers <c>store-not-found</c>.</param>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="TimeZone">IANA time zone id; null means <see cref="StoreDefaults.TimeZone"/>.</param>
/// <param name="Descriptions">The store's descriptions per locale (en, fr, de, lb), replacing the old ones; null or empty means none.</param>
/// <param name="Actor">Who asks, for the audit log.</param>
[GenerateSerializer]
[Alias("loyalty.stores.UpdateStoreCommand")]
public sealed record UpdateStoreCommand(
    [Id(0)] Guid MerchantId,
    [Id(1)] string? Name,
    [Id(2)] string? TimeZone,
    [Id(3)] IReadOnlyDictionary<string, string?>? Descriptions,
    [Id(4)] string Actor);
