namespace Loyalty.Web.Stores;

/// <summary>
/// Body of <c>PUT /merchants/{merchantId}/stores/{storeId}</c>: the store's name, time zone and descriptions (a locale
/// left out has none afterwards). The slug stays.
/// </summary>
public sealed record UpdateStoreRequest(string? Name, string? TimeZone, IReadOnlyDictionary<string, string?>? Descriptions);
