namespace Loyalty.Web.Stores;

/// <summary>Body of <c>POST /merchants/{merchantId}/stores</c>; <c>descriptions</c> maps a locale (en, fr, de, lb) to a text.</summary>
public sealed record CreateStoreRequest(string? Name, string? Slug, string? TimeZone, IReadOnlyDictionary<string, string?>? Descriptions);
