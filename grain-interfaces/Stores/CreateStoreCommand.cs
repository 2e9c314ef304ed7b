namespace Loyalty.GrainInterfaces.Stores;

/// <summary>Creates a store. Values are as the client sent them; the grain validates every field.</summary>
/// <param name="MerchantId">The merchant the store belongs to; it must exist.</param>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="Slug">URL name, unique within the merchant.</param>
/// <param name="TimeZone">IANA time zone id; null means <see cref="StoreDefaults.TimeZone"/>.</param>
/// <param name="Descriptions">Description per locale (en, fr, de, lb); null means none.</param>
/// <param name="Actor">Who asks, for the audit log (an admin token id or "system").</param>
[GenerateSerializer]
[Alias("loyalty.stores.CreateStoreCommand")]
public sealed record CreateStoreCommand(
    [Id(0)] Guid MerchantId,
    [Id(1)] string? Name,
    [Id(2)] string? Slug,
    [Id(3)] string? TimeZone,
    [Id(4)] IReadOnlyDictionary<string, string?>? Descriptions,
    [Id(5)] string Actor);
